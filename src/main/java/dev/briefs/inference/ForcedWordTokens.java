package dev.briefs.inference;

import dev.briefs.generate.ForceWords;
import java.util.ArrayList;
import java.util.List;

/**
 * Forced words as token ids the model generates (see {@link Seq2SeqGenerator#forcedWords}): each form through the
 * tokenizer's target side without special tokens, refused when the model could never write it.
 */
final class ForcedWordTokens {

    private ForcedWordTokens() {}

    static ForceWords forceWords(ModelTokenizer tokenizer, String model, List<String> words) {
        List<List<int[]>> all = new ArrayList<>();
        for (String word : words) {
            List<int[]> forms = new ArrayList<>();
            for (String form : word.split("\\|", -1)) {
                forms.add(targetIds(tokenizer, model, word, form.strip()));
            }
            all.add(forms);
        }
        try {
            return ForceWords.ofForms(all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("forced words " + words + " for model " + model + ": " + e.getMessage()
                    + "; give each form of a word once, and none that begins another");
        }
    }

    private static int[] targetIds(ModelTokenizer tokenizer, String model, String word, String form) {
        long[] ids = form.isEmpty() ? new long[0] : tokenizer.encodeTarget(form);
        if (ids.length == 0) {
            throw new IllegalArgumentException("forced word \"" + word + "\": "
                    + (form.isEmpty() ? "a form is empty" : "\"" + form + "\" gives no tokens")
                    + "; give the word, or its forms separated by |");
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == tokenizer.unknownId()) {
                throw new IllegalArgumentException("forced word \"" + word + "\": model " + model + " cannot write \""
                        + form + "\" (its tokenizer gives the unknown token for it, so no output could contain it);"
                        + " give a word in the model's target language and script");
            }
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }
}
