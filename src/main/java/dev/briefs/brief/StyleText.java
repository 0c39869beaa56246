package dev.briefs.brief;

import dev.briefs.style.Replacement;
import dev.briefs.style.StyleReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the house style check said of a language brief, in the words the Markdown files and the digest show. Plain
 * text: terms and variants quote the brief's own words, so every caller escapes what it gets here for its format.
 */
final class StyleText {

    private StyleText() {}

    /**
     * One line ({@code House style held: Kyiv, the Armed Forces of Ukraine · replaced Kiev → Kyiv}, or {@code House
     * style not held: missing "Kharkiv" · left "Kiev" (the style writes "Kyiv")}); null when the brief has no style
     * report, or its source had none of the style's terms and nothing was replaced.
     */
    static String line(Brief.LanguageBrief b) {
        StyleReport style = b.style();
        if (style == null
                || style.required().isEmpty()
                        && style.keep().isEmpty()
                        && style.replaced().isEmpty()
                        && style.forbiddenLeft().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        List<String> used = new ArrayList<>(style.found());
        style.keep().stream().filter(k -> !style.lost().contains(k)).forEach(used::add);
        parts.add((style.held() ? "House style held" : "House style not held")
                + (used.isEmpty() ? "" : ": " + String.join(", ", used)));
        if (!style.missing().isEmpty()) {
            parts.add("missing " + quoted(style.missing()));
        }
        for (StyleReport.Left left : style.forbiddenLeft()) {
            parts.add("left \"" + left.variant() + "\" (the style writes \"" + left.form() + "\")");
        }
        if (!style.lost().isEmpty()) {
            parts.add("lost " + quoted(style.lost()) + " (to be kept as written)");
        }
        List<String> replaced = new ArrayList<>();
        for (Replacement r : style.replaced()) {
            replaced.add(r.from() + " → " + r.to()
                    + (r.inflection() == Replacement.Inflection.BASE_FORM ? " (base form: check its case)" : ""));
        }
        if (!replaced.isEmpty()) {
            parts.add("replaced " + String.join(", ", replaced));
        }
        return String.join(" · ", parts);
    }

    private static String quoted(List<String> terms) {
        return "\"" + String.join("\", \"", terms) + "\"";
    }
}
