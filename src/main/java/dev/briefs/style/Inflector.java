package dev.briefs.style;

import dev.briefs.morphology.UkrainianDictionary.Reading;
import dev.briefs.style.Words.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a form to use into the grammatical case of the variant it replaces, through VESUM: "у Кіровограді"
 * becomes "у Кропивницькому", "Верховної Ради" of a variant "Верховна Рада" the form's own genitive.
 *
 * <p>A form's inflecting words are those up to its head, the first noun the dictionary has in the nominative
 * ("Збройні сили" of "Збройні сили України"); the others ("України") stay as written. The case is read from
 * the text's words at the variant's words that the dictionary has in the nominative, as it tags them. Where a form is the same in two cases ("Дніпропетровську": dative and
 * locative), the preposition before it narrows them ({@link Prepositions}); where the cases still give the
 * form different shapes, or the dictionary lacks a word, the form stays in its base form and the reason is
 * given, for an editor to read: nothing is guessed. The form's number is its own (names are singular).
 */
final class Inflector {

    /** The result: the form to write and, when it is the base form for want of a case, why. */
    record Inflected(String text, Replacement.Inflection inflection, String note) {}

    private static final Pattern CASE = Pattern.compile("v_(naz|rod|dav|zna|oru|mis|kly)");
    private static final Map<String, String> CASE_NAMES = Map.of(
            "v_naz", "nominative",
            "v_rod", "genitive",
            "v_dav", "dative",
            "v_zna", "accusative",
            "v_oru", "instrumental",
            "v_mis", "locative",
            "v_kly", "vocative");
    private static final Pattern MARKED = Pattern.compile(":(arch|slang|bad|alt|err|rare)\\b");
    static final List<String> CASES = List.of("v_naz", "v_rod", "v_dav", "v_zna", "v_oru", "v_mis", "v_kly");

    private final Morphology morphology;
    private final Words words;

    Inflector(Morphology morphology, Words words) {
        this.morphology = morphology;
        this.words = words;
    }

    /**
     * The form for a variant found at {@code textWords[at ...]}.
     *
     * @param variant the variant as the style file writes it
     */
    Inflected inflect(String form, String variant, List<Word> textWords, int at) {
        Set<String> cases = null;
        Set<String> hint = new LinkedHashSet<>();
        List<String> variantWords = Term.of(variant, words).words();
        for (int j = 0; j < variantWords.size() && at + j < textWords.size(); j++) {
            Set<String> lemmas = nominativeLemmas(variantWords.get(j));
            if (lemmas.isEmpty()) {
                continue;
            }
            String written = textWords.get(at + j).text();
            Set<String> wordCases = new TreeSet<>();
            for (Reading reading : morphology.readings(written)) {
                Matcher m = CASE.matcher(reading.tag());
                if (lemmas.contains(reading.lemma().toLowerCase(Locale.ROOT)) && m.find()) {
                    wordCases.add(m.group());
                    hint.addAll(hintOf(reading));
                }
            }
            cases = cases == null ? wordCases : intersection(cases, wordCases);
        }
        String found = textWords.get(at).text();
        if (cases == null || cases.isEmpty()) {
            return new Inflected(
                    form,
                    Replacement.Inflection.BASE_FORM,
                    "the dictionary has no case for '" + found + "': '" + form
                            + "' is written in its base form; check its case");
        }
        if (cases.size() > 1 && at > 0) {
            Set<String> governed =
                    intersection(cases, Prepositions.cases(textWords.get(at - 1).text()));
            if (!governed.isEmpty()) {
                cases = governed;
            }
        }
        Set<String> shapes = new LinkedHashSet<>();
        for (String grammaticalCase : cases) {
            List<String> inCase = inCase(form, grammaticalCase, hint);
            shapes.add(inCase.isEmpty() ? null : inCase.get(0));
        }
        if (shapes.size() == 1 && !shapes.contains(null)) {
            return new Inflected(shapes.iterator().next(), Replacement.Inflection.INFLECTED, "");
        }
        List<String> names = cases.stream().map(CASE_NAMES::get).toList();
        return new Inflected(
                form,
                Replacement.Inflection.BASE_FORM,
                shapes.contains(null)
                        ? "the dictionary has no " + String.join(" or ", names) + " of '" + form
                                + "': written in its base" + " form; check its case"
                        : "'" + found + "' may be " + String.join(" or ", names) + ": '" + form
                                + "' is written in its base" + " form; check its case");
    }

    /**
     * A form in a case, as candidates in the dictionary's order (a case may have two forms: "Дніпрі",
     * "Дніпрові"); none when the dictionary lacks a form. The words that inflect are those up to the first noun
     * the dictionary has in the nominative, the head ("Збройні сили" of "Збройні сили України"); the rest
     * stay. A word's readings are narrowed to those most like the variant's ({@code hint}: "Кропивницький" the
     * city, not the surname, for "Кіровоград"), and a capitalised word to its readings as a name.
     */
    List<String> inCase(String form, String grammaticalCase, Set<String> hint) {
        List<Word> formWords = words.of(form);
        List<String> candidates = List.of("");
        int done = 0;
        boolean headDone = false;
        for (Word word : formWords) {
            List<Reading> nominatives = headDone
                    ? List.of()
                    : preferred(
                            morphology.readings(word.text()).stream()
                                    .filter(reading -> reading.tag().contains("v_naz"))
                                    .toList(),
                            hint,
                            word.text());
            Set<String> shapes = new LinkedHashSet<>();
            if (nominatives.isEmpty()) {
                shapes.add(word.text());
            } else {
                for (Reading reading : nominatives) {
                    List<String> forms =
                            morphology.forms(reading.lemma(), reading.tag().replace("v_naz", grammaticalCase));
                    if (forms.isEmpty() && grammaticalCase.equals("v_zna")) {
                        // masculine and plural adjectives tag their accusative by animacy; a term names a thing
                        forms = morphology.forms(reading.lemma(), reading.tag().replace("v_naz", "v_zna:rinanim"));
                    }
                    forms.forEach(f -> shapes.add(likeWritten(f, word.text())));
                }
                if (shapes.isEmpty()) {
                    return List.of();
                }
                headDone =
                        nominatives.stream().allMatch(reading -> reading.tag().startsWith("noun"));
            }
            String between = form.substring(done, word.start());
            List<String> longer = new ArrayList<>();
            for (String start : candidates) {
                for (String shape : shapes) {
                    longer.add(start + between + shape);
                }
            }
            candidates = longer;
            done = word.end();
        }
        String tail = form.substring(done);
        return candidates.stream().map(c -> c + tail).toList();
    }

    /**
     * The readings to inflect: the standard ones; of a capitalised word, those as a name where it has any; and
     * those sharing most tags with the variant's ({@code hint}, may be empty).
     */
    private static List<Reading> preferred(List<Reading> readings, Set<String> hint, String written) {
        List<Reading> chosen = standard(readings);
        if (Character.isUpperCase(written.codePointAt(0)) && chosen.stream().anyMatch(Reading::properNoun)) {
            chosen = chosen.stream().filter(Reading::properNoun).toList();
        }
        if (hint.isEmpty() || chosen.isEmpty()) {
            return chosen;
        }
        int best = chosen.stream().mapToInt(r -> overlap(r, hint)).max().orElse(0);
        return chosen.stream().filter(r -> overlap(r, hint) == best).toList();
    }

    private static int overlap(Reading reading, Set<String> hint) {
        int n = 0;
        for (String tag : reading.tag().split(":")) {
            n += hint.contains(tag) ? 1 : 0;
        }
        return n;
    }

    /** The tags of a reading but its case: what a form's reading should share with its variant's. */
    static Set<String> hintOf(Reading reading) {
        Set<String> tags = new LinkedHashSet<>(List.of(reading.tag().split(":")));
        tags.removeIf(tag -> CASE.matcher(tag).matches());
        return tags;
    }

    /**
     * The readings of a word in the standard language, where it has any: VESUM also tags archaic, slang and
     * erroneous spellings ({@code :arch}, {@code :slang}, {@code :bad}, {@code :alt}), which a style never wants.
     */
    static List<Reading> standard(List<Reading> readings) {
        List<Reading> standard =
                readings.stream().filter(r -> !MARKED.matcher(r.tag()).find()).toList();
        return standard.isEmpty() ? readings : standard;
    }

    /** Every case's forms of a form to use, its base form first: what a translation into Ukrainian may write. */
    List<String> allCases(String form) {
        Set<String> all = new LinkedHashSet<>();
        all.add(form);
        for (String grammaticalCase : CASES) {
            all.addAll(inCase(form, grammaticalCase, Set.of()));
        }
        return new ArrayList<>(all);
    }

    /** The lemmas under which the dictionary has a word, written as in the term, in the nominative. */
    private Set<String> nominativeLemmas(String word) {
        Set<String> lemmas = new LinkedHashSet<>();
        for (Reading reading : morphology.readings(word)) {
            if (reading.tag().contains("v_naz")) {
                lemmas.add(reading.lemma().toLowerCase(Locale.ROOT));
            }
        }
        return lemmas;
    }

    /** A dictionary form with the capitals of the word it stands for: "ЗСУ", "Верховної", "ради". */
    private static String likeWritten(String form, String written) {
        if (TermFinder.isAcronym(written)) {
            return form.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(written.codePointAt(0))) {
            return TermFinder.capitalised(form);
        }
        return form;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
