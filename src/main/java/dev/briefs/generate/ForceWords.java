package dev.briefs.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * transformers' {@code force_words_ids}: the words every output must contain, which turn beam search into
 * constrained beam search. In transformers' format, a list whose elements are each either one phrase, a
 * list of token ids ({@code [5, 6]}: a {@link PhrasalConstraint}), or several accepted forms, a list of such
 * lists ({@code [[5, 6], [7]]}: a {@link DisjunctiveConstraint}, fulfilled by any one of them). Checked as
 * transformers 4.46.3's {@code generate()} checks it; immutable.
 */
public final class ForceWords {

    /** Per constraint, its accepted forms: one for a phrase, one or more for a disjunctive constraint. */
    private final List<List<int[]>> forms;

    private final List<Boolean> disjunctive;

    private ForceWords(List<List<int[]>> forms, List<Boolean> disjunctive) {
        this.forms = forms;
        this.disjunctive = disjunctive;
        constraints(); // fails now, not at the first search, on a form that repeats or begins another
    }

    /**
     * Words by their accepted forms, as a command line gives them: a word with one form is a phrase, one with
     * several is a disjunctive constraint.
     *
     * @param words per word, its forms' token ids, each non-empty
     * @throws IllegalArgumentException on an empty list, a word without forms, an empty form, or forms of one
     *     word that repeat or begin one another
     */
    public static ForceWords ofForms(List<List<int[]>> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("force_words_ids needs at least one word");
        }
        List<List<int[]>> forms = new ArrayList<>();
        List<Boolean> disjunctive = new ArrayList<>();
        for (List<int[]> word : words) {
            List<int[]> copies = new ArrayList<>();
            for (int[] form : word) {
                if (form.length == 0) {
                    throw new IllegalArgumentException("a forced word has no token ids");
                }
                copies.add(form.clone());
            }
            if (copies.isEmpty()) {
                throw new IllegalArgumentException("a forced word has no forms");
            }
            forms.add(List.copyOf(copies));
            disjunctive.add(copies.size() > 1);
        }
        return new ForceWords(List.copyOf(forms), List.copyOf(disjunctive));
    }

    /**
     * Reads transformers' format (lists of numbers, as JSON or keyword arguments give them), with transformers'
     * checks: a non-empty list; each element a non-empty list of token ids (integers, 0 or more), or a list of
     * such lists whose forms neither repeat nor begin one another.
     *
     * @throws IllegalArgumentException saying what transformers expects, and the value
     */
    public static ForceWords parse(Object value) {
        if (!(value instanceof List<?> words) || words.isEmpty()) {
            throw malformed(value);
        }
        List<List<int[]>> forms = new ArrayList<>();
        List<Boolean> disjunctive = new ArrayList<>();
        for (Object word : words) {
            if (!(word instanceof List<?> items) || items.isEmpty()) {
                throw malformed(value);
            }
            if (items.get(0) instanceof List<?>) {
                List<int[]> alternatives = new ArrayList<>();
                for (Object form : items) {
                    if (!(form instanceof List<?> ids)) {
                        throw malformed(value);
                    }
                    alternatives.add(tokenIds(ids, value));
                }
                forms.add(List.copyOf(alternatives));
                disjunctive.add(true);
            } else {
                forms.add(List.of(tokenIds(items, value)));
                disjunctive.add(false);
            }
        }
        try {
            return new ForceWords(List.copyOf(forms), List.copyOf(disjunctive));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "force_words_ids " + value + ": " + e.getMessage()
                            + " (transformers 4.46.3 refuses it too); give each form once and none that begins"
                            + " another",
                    e);
        }
    }

    private static int[] tokenIds(List<?> ids, Object whole) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            // transformers: isinstance(token_id, int) and token_id >= 0; a float such as 5.0 is refused
            if (!(ids.get(i) instanceof Number n)
                    || ids.get(i) instanceof Double
                    || ids.get(i) instanceof Float
                    || n.longValue() < 0
                    || n.longValue() > Integer.MAX_VALUE) {
                throw malformed(whole);
            }
            out[i] = n.intValue();
        }
        if (out.length == 0) {
            throw new IllegalArgumentException(
                    "force_words_ids " + whole + ": an accepted form is an empty list; give its token ids");
        }
        return out;
    }

    private static IllegalArgumentException malformed(Object value) {
        return new IllegalArgumentException("force_words_ids must be a list whose elements are each a list of token"
                + " ids (integers, 0 or more) or a list of such lists (accepted forms), as in transformers, but is "
                + value);
    }

    /** Fresh constraints, one per word, in order. */
    List<Constraint> constraints() {
        List<Constraint> out = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            out.add(
                    disjunctive.get(i)
                            ? new DisjunctiveConstraint(forms.get(i))
                            : new PhrasalConstraint(forms.get(i).get(0)));
        }
        return out;
    }

    /** How many words are forced. */
    public int size() {
        return forms.size();
    }

    /** transformers' value: per word a list of ids, or for several forms a list of such lists. */
    public List<Object> ids() {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            if (disjunctive.get(i)) {
                List<Object> alternatives = new ArrayList<>();
                forms.get(i).forEach(f -> alternatives.add(list(f)));
                out.add(List.copyOf(alternatives));
            } else {
                out.add(list(forms.get(i).get(0)));
            }
        }
        return List.copyOf(out);
    }

    private static List<Integer> list(int[] ids) {
        List<Integer> out = new ArrayList<>();
        for (int id : ids) {
            out.add(id);
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ForceWords other && ids().equals(other.ids());
    }

    @Override
    public int hashCode() {
        return ids().hashCode();
    }

    /** As Python prints the list: {@code [[5, 6], [[7], [8, 9]]]}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        ids().forEach(w -> j.add(w.toString()));
        return j.toString();
    }
}
