package dev.briefs.check;

/**
 * What the checks need to read one language, built once: ICU's iterators, transliterator and
 * month names take seconds to load the first time.
 */
record LanguageTools(CheckLanguage language, Tokenizer tokenizer, CommonWords common, NameExtractor names,
                     LatinForm.Transliteration latin, QuantityReader quantities, NegationCues negations) {

    static LanguageTools of(CheckLanguage language) {
        Tokenizer tokenizer = new Tokenizer(language);
        CommonWords common = CommonWords.of(language);
        return new LanguageTools(language, tokenizer, common, new NameExtractor(language, tokenizer, common),
                new LatinForm.Transliteration(language), new QuantityReader(language),
                new NegationCues(language, tokenizer));
    }
}
