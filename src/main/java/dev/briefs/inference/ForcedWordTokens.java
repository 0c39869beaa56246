package dev.briefs.inference;

import dev.briefs.generate.ForceWords;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Which constraints the model can force (see {@link TextGenerator#forceable}). A form the model cannot write
     * (no tokens, or the unknown token) is dropped, and so is one whose tokens repeat or continue a shorter form's,
     * which transformers refuses in one disjunctive constraint and which the shorter form satisfies anyway. A
     * constraint left without forms is refused.
     */
    static ForcedWords forceable(ModelTokenizer tokenizer, String model, List<List<String>> constraints) {
        List<List<String>> kept = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (List<String> forms : constraints) {
            List<String> writable = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (String form : forms) {
                int[] tokens = writableIds(tokenizer, form.strip());
                if (tokens != null) {
                    writable.add(form.strip());
                    ids.add(tokens);
                }
            }
            List<String> shortest = new ArrayList<>();
            for (int i = 0; i < writable.size(); i++) {
                if (!continuesAnother(ids, i)) {
                    shortest.add(writable.get(i));
                }
            }
            if (shortest.isEmpty()) {
                refused.add(ForcedWords.describe(forms) + ": model " + model
                        + " cannot write it (its tokenizer gives the unknown token or nothing)");
            } else {
                kept.add(shortest);
            }
        }
        return new ForcedWords(kept, refused);
    }

    /** The constraints {@link #forceable} kept, as token ids. */
    static ForceWords ofConstraints(ModelTokenizer tokenizer, String model, List<List<String>> constraints) {
        List<List<int[]>> all = new ArrayList<>();
        for (List<String> forms : constraints) {
            List<int[]> ids = new ArrayList<>();
            for (String form : forms) {
                ids.add(targetIds(tokenizer, model, String.join("|", forms), form.strip()));
            }
            all.add(ids);
        }
        return ForceWords.ofForms(all);
    }

    /** Whether form {@code i} repeats a form before it, or begins with another, shorter form. */
    private static boolean continuesAnother(List<int[]> ids, int i) {
        int[] form = ids.get(i);
        for (int j = 0; j < ids.size(); j++) {
            int[] other = ids.get(j);
            boolean same = Arrays.equals(form, other);
            if (j != i
                    && (same && j < i
                            || !same
                                    && other.length <= form.length
                                    && Arrays.equals(form, 0, other.length, other, 0, other.length))) {
                return true;
            }
        }
        return false;
    }

    private static int[] writableIds(ModelTokenizer tokenizer, String form) {
        long[] ids = form.isEmpty() ? new long[0] : tokenizer.encodeTarget(form);
        if (ids.length == 0) {
            return null;
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == tokenizer.unknownId()) {
                return null;
            }
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
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
