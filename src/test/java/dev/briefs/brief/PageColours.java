package dev.briefs.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The colours a reader sees on a page, as the browser computed them, and their WCAG 2 contrast.
 * An element's background is the first opaque one among itself and its ancestors, since a
 * transparent element shows what lies under it.
 */
final class PageColours {

    /** WCAG 2.1, success criterion 1.4.3: the least contrast for body-size text. */
    static final double AA_TEXT = 4.5;

    /** An sRGB colour, channels 0 to 255. */
    record Colour(int r, int g, int b) {

        private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)");

        /** @return null for a fully transparent colour */
        static Colour parse(String css) {
            Matcher m = RGB.matcher(css);
            if (!m.matches()) {
                throw new AssertionError("not a computed rgb() colour: " + css);
            }
            if (m.group(4) != null && Double.parseDouble(m.group(4)) == 0) {
                return null;
            }
            if (m.group(4) != null && Double.parseDouble(m.group(4)) < 1) {
                throw new AssertionError("a translucent colour needs blending, which this check does not do: " + css);
            }
            return new Colour(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }

        /** Relative luminance, WCAG 2.1: 0 for black, 1 for white. */
        double luminance() {
            return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        }

        private static double linear(int channel) {
            double c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }

        double contrastWith(Colour other) {
            double a = luminance();
            double b = other.luminance();
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
    }

    /** One element as seen: what it says, its text colour, the background under it. */
    record Seen(String selector, String text, Colour foreground, Colour background) {

        double contrast() {
            return foreground.contrastWith(background);
        }
    }

    private static final String SCRIPT = """
            const out = [];
            for (const el of document.querySelectorAll(arguments[0])) {
              let bg = null;
              for (let e = el; e && !bg; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (!/^rgba\\(.*, 0\\)$/.test(c)) bg = c;
              }
              out.push({text: el.innerText.trim().slice(0, 60), fg: getComputedStyle(el).color, bg: bg});
            }
            return out;
            """;

    private PageColours() {}

    /** Every element the selector matches, as seen; fails when there is none, so a renamed class cannot pass unseen. */
    @SuppressWarnings("unchecked")
    static List<Seen> of(WebDriver browser, String selector) {
        List<Map<String, Object>> raw =
                (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(SCRIPT, selector);
        if (raw.isEmpty()) {
            throw new AssertionError("no element matches " + selector);
        }
        List<Seen> seen = new ArrayList<>();
        for (Map<String, Object> r : raw) {
            if (r.get("bg") == null) {
                throw new AssertionError(selector + " has no opaque background under it: the canvas colour is unknown");
            }
            seen.add(
                    new Seen(selector, (String) r.get("text"), Colour.parse((String) r.get("fg")), Colour.parse((String)
                            r.get("bg"))));
        }
        return seen;
    }

    /** The computed value of a CSS property of the first element the selector matches. */
    static String style(WebDriver browser, String selector, String property) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
                        selector,
                        property);
    }
}
