package dev.briefs.style;

import dev.briefs.style.StyleReader.Entry;
import dev.briefs.style.StyleReader.RawLanguage;
import dev.briefs.style.StyleReader.RawPair;
import dev.briefs.style.StyleReader.RawRendering;
import dev.briefs.style.StyleReader.RawUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of a style file that cannot all hold: a term listed twice, a variant that is also a form to
 * use (the replacement would undo itself), one variant under two forms (which one should it become?), a
 * term kept as written that is also a variant (kept, or replaced?), one source term under two renderings of
 * a pair, and a rendering that its target language forbids. Each problem names the line of the entry that
 * breaks the rule and the line of the one it contradicts.
 */
final class StyleRules {

    private final String file;
    private final List<String> problems;

    StyleRules(String file, List<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    void check(List<RawLanguage> languages, List<RawPair> pairs) {
        Map<String, Map<String, Entry>> variantsByLanguage = new HashMap<>();
        for (RawLanguage language : languages) {
            variantsByLanguage.put(language.code(), checkLanguage(language));
        }
        for (RawPair pair : pairs) {
            checkPair(pair, variantsByLanguage.getOrDefault(pair.target(), Map.of()));
        }
    }

    /** @return the language's variants, each with the form it becomes written as its entry's text */
    private Map<String, Entry> checkLanguage(RawLanguage language) {
        String where = "languages." + language.code();
        Map<String, Entry> forms = new HashMap<>();
        for (RawUsage usage : language.use()) {
            forms.put(usage.form().text(), usage.form());
        }
        Map<String, Entry> variants = new HashMap<>(); // variant -> its form's entry
        Map<String, Entry> variantLines = new HashMap<>();
        for (RawUsage usage : language.use()) {
            for (Entry variant : usage.variants()) {
                String text = variant.text();
                Entry form = forms.get(text);
                Entry firstForm = variants.get(text);
                if (usage.form().equals(firstForm)) {
                    problem(
                            variant,
                            where + ".use: the variant '" + text + "' of '"
                                    + usage.form().text() + "' is duplicated (first on line "
                                    + variantLines.get(text).line() + "); list it once");
                } else if (firstForm != null) {
                    problem(
                            variant,
                            where + ".use: the variant '" + text + "' is listed under both '"
                                    + firstForm.text() + "' (line "
                                    + variantLines.get(text).line() + ") and '"
                                    + usage.form().text() + "'; a variant becomes one form: keep it under one of them");
                } else if (form != null) {
                    problem(
                            variant,
                            where + ".use: '" + text + "' is a variant of '"
                                    + usage.form().text() + "' and a form to use itself (line " + form.line()
                                    + "); remove one of the two");
                } else {
                    variants.put(text, usage.form());
                    variantLines.put(text, variant);
                }
            }
        }
        Map<String, Entry> kept = new HashMap<>();
        for (Entry keep : language.keep()) {
            Entry first = kept.putIfAbsent(keep.text(), keep);
            Entry variantOf = variants.get(keep.text());
            if (first != null) {
                problem(
                        keep,
                        where + ".keep: '" + keep.text() + "' is duplicated (first on line " + first.line()
                                + "); list it once");
            } else if (variantOf != null) {
                problem(
                        keep,
                        where + ".keep: '" + keep.text() + "' is to be kept as written, but line "
                                + variantLines.get(keep.text()).line() + " makes it a variant of '" + variantOf.text()
                                + "' to replace; remove it from one of the two");
            }
        }
        return variants;
    }

    private void checkPair(RawPair pair, Map<String, Entry> targetVariants) {
        String where = "pairs." + pair.source() + "-" + pair.target() + ".use";
        Map<String, Entry> sources = new HashMap<>(); // source term -> its first entry
        Map<String, RawRendering> renderings = new HashMap<>();
        for (RawRendering rendering : pair.use()) {
            Map<String, Entry> forms = new HashMap<>();
            for (Entry form : rendering.forms()) {
                Entry first = forms.putIfAbsent(form.text(), form);
                Entry forbiddenAs = targetVariants.get(form.text());
                if (first != null) {
                    problem(
                            form,
                            where + ": the form '" + form.text() + "' is duplicated in '" + label(rendering)
                                    + "'; list it once");
                } else if (forbiddenAs != null) {
                    problem(
                            form,
                            where + ": '" + form.text() + "' is a variant that languages." + pair.target()
                                    + ".use replaces with '" + forbiddenAs.text() + "' (line " + forbiddenAs.line()
                                    + "); render the term as '" + forbiddenAs.text() + "'");
                }
            }
            for (Entry source : rendering.sourceTerms()) {
                Entry first = sources.putIfAbsent(source.text(), source);
                if (first == null) {
                    renderings.put(source.text(), rendering);
                } else if (rendering.equals(renderings.get(source.text()))) {
                    problem(
                            source,
                            where + ": the source term '" + source.text() + "' of '" + label(rendering)
                                    + "' is duplicated (first on line " + first.line() + "); list it once");
                } else {
                    problem(
                            source,
                            where + ": the source term '" + source.text() + "' is listed under both '"
                                    + label(renderings.get(source.text())) + "' (line " + first.line() + ") and '"
                                    + label(rendering) + "'; to accept either rendering write one key with both:"
                                    + " \"" + label(renderings.get(source.text())) + " | " + label(rendering) + "\"");
                }
            }
        }
    }

    private static String label(RawRendering rendering) {
        return String.join(" | ", rendering.forms().stream().map(Entry::text).toList());
    }

    private void problem(Entry entry, String message) {
        problems.add(file + ":" + entry.line() + ": " + message);
    }
}
