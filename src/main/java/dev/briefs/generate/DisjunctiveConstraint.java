package dev.briefs.generate;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A constraint fulfilled by any one of several token sequences (the accepted forms of a word, say "Kyiv" or
 * "Kiev"), as transformers 4.46.3's {@code DisjunctiveConstraint}; the progress is the prefix generated so
 * far, a path in the forms' {@link DisjunctiveTrie}.
 */
final class DisjunctiveConstraint implements Constraint {

    private final List<int[]> forms;
    private final DisjunctiveTrie trie;

    /**
     * The prefix generated so far. A stateful copy shares this list with its original, as transformers'
     * {@code copy(stateful=True)} shares {@code current_seq}: when constrained search offers a beam two
     * tokens that continue one in-progress constraint, the first offer's step is seen by the second (which
     * then usually breaks off). That changes which candidates transformers keeps, so it is reproduced, not
     * fixed; {@link #reset()} gives a new list, as transformers rebinds {@code current_seq} there.
     */
    private List<Integer> prefix = new ArrayList<>();

    private boolean completed;

    DisjunctiveConstraint(List<int[]> forms) {
        this(copyOf(forms), null);
    }

    private DisjunctiveConstraint(List<int[]> forms, @Nullable DisjunctiveTrie trie) {
        for (int[] form : forms) {
            if (form.length == 0) {
                throw new IllegalArgumentException("an accepted form of a disjunctive constraint is empty");
            }
        }
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("a disjunctive constraint needs at least one accepted form");
        }
        this.forms = forms;
        this.trie = trie != null ? trie : new DisjunctiveTrie(forms);
    }

    private static List<int[]> copyOf(List<int[]> forms) {
        List<int[]> out = new ArrayList<>();
        forms.forEach(f -> out.add(f.clone()));
        return List.copyOf(out);
    }

    @Override
    public int[] advance() {
        return trie.nextTokens(prefix);
    }

    @Override
    public boolean doesAdvance(int token) {
        for (int t : trie.nextTokens(prefix)) {
            if (t == token) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Update update(int token) {
        boolean stepped = doesAdvance(token);
        if (stepped) {
            prefix.add(token);
        } else {
            reset();
        }
        completed = trie.reachedLeaf(prefix);
        return new Update(stepped, completed, !stepped);
    }

    @Override
    public void reset() {
        completed = false;
        prefix = new ArrayList<>();
    }

    /** 0 once fulfilled, which a shorter form can be before the longest one's length. */
    @Override
    public int remaining() {
        return completed ? 0 : trie.maxHeight() - prefix.size();
    }

    @Override
    public int length() {
        return trie.maxHeight();
    }

    @Override
    public DisjunctiveConstraint copy(boolean stateful) {
        DisjunctiveConstraint c = new DisjunctiveConstraint(forms, trie);
        if (stateful) {
            c.prefix = prefix; // shared, see the field
            c.completed = completed;
        }
        return c;
    }
}
