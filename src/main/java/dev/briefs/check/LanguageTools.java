package dev.briefs.check;

import dev.briefs.morphology.UkrainianDictionary;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the checks need to read one language, built once: ICU's iterators, transliterator and
 * month names take seconds to load the first time.
 *
 * @param firstNames whether a word, as written, is a first name and nothing else: Ukrainian's
 *                   from its dictionary ({@link UkrainianDictionary}); English has no such list
 * @param readings   a word's lemmas and tags, as written: Ukrainian's from its dictionary; none for English
 */
record LanguageTools(
        CheckLanguage language,
        Tokenizer tokenizer,
        CommonWords common,
        Predicate<String> firstNames,
        NameExtractor names,
        LatinForm.Transliteration latin,
        QuantityReader quantities,
        NegationCues negations,
        Function<String, List<UkrainianDictionary.Reading>> readings) {

    static LanguageTools of(CheckLanguage language) {
        Tokenizer tokenizer = new Tokenizer(language);
        CommonWords common;
        Predicate<String> firstNames;
        Function<String, List<UkrainianDictionary.Reading>> readings;
        if (language == CheckLanguage.UK) {
            UkrainianDictionary dictionary = UkrainianDictionary.load();
            common = CommonWords.of(dictionary);
            firstNames = dictionary::isFirstName;
            readings = dictionary::readings;
        } else {
            common = CommonWords.english();
            firstNames = word -> false;
            readings = word -> List.of();
        }
        return new LanguageTools(
                language,
                tokenizer,
                common,
                firstNames,
                new NameExtractor(language, tokenizer, common),
                new LatinForm.Transliteration(language),
                new QuantityReader(language),
                new NegationCues(language, tokenizer),
                readings);
    }
}
