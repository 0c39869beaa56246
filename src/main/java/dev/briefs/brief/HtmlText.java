package dev.briefs.brief;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * Untrusted text (titles, article text, ids, error messages that quote them, URLs) on its way into
 * {@code digest.html}. Encoding is left to the OWASP encoder, which is made for exactly this.
 *
 * <p>Bidi controls (embeddings, overrides, isolates and the direction marks) are removed rather
 * than kept inside {@code <bdi>}: an isolate stops a string from reordering the page around it,
 * but an override inside the string still reorders the string itself ("gpj.exe" shown as
 * "exe.jpg"). The controls are invisible, so removing them changes nothing a reader sees except
 * the spoof; each string is still wrapped in {@code <bdi>} so that honest right-to-left text
 * (a quote in Arabic or Hebrew) keeps to its own box.
 */
final class HtmlText {

    private static final Pattern BIDI_CONTROLS =
            Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private HtmlText() {}

    static String withoutBidiControls(String text) {
        return BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    /** Element content, isolated so that its direction cannot leak into the page around it. */
    static String text(String untrusted) {
        return untrusted == null ? "" : "<bdi>" + plain(untrusted) + "</bdi>";
    }

    /** Element content where {@code <bdi>} cannot go (the page's {@code <title>}). */
    static String plain(String untrusted) {
        return untrusted == null ? "" : Encode.forHtml(withoutBidiControls(untrusted));
    }

    static String attribute(String untrusted) {
        return Encode.forHtmlAttribute(withoutBidiControls(untrusted));
    }

    /** A link when the URL is an absolute http(s) URL; anything else (javascript:, data:, junk) is shown as text. */
    static String link(String url) {
        if (url == null) {
            return "";
        }
        if (!isWebUrl(url)) {
            return text(url);
        }
        return "<a href=\"" + attribute(url) + "\" rel=\"noopener noreferrer nofollow\">" + text(url) + "</a>";
    }

    /**
     * Only what {@link URI} parses as http or https with a host. A URL with a bidi control is not
     * linked: what the reader sees of it would not be where it leads.
     */
    static boolean isWebUrl(String url) {
        if (BIDI_CONTROLS.matcher(url).find()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getRawAuthority() != null
                    && !uri.getRawAuthority().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
