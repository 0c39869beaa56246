package dev.briefs.generate;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One hypothesis's progress through all its constraints, as transformers 4.46.3's {@code ConstraintListState}:
 * constraints fulfilled, at most one in progress, the others pending. A token advances the one in progress,
 * or else starts the first pending constraint it begins; a token that breaks the one in progress sends it
 * back to the pending ones (fresh) and is not tried on them. The bank ({@link #bank()}) is how far the
 * hypothesis has come, which constrained beam search ranks by.
 */
final class ConstraintListState {

    /** What {@link #add(int)} did: a constraint was fulfilled by the token, or stepped. */
    record Added(boolean complete, boolean stepped) {}

    /** The constraints as given; never advanced, only copied. */
    private final List<Constraint> constraints;

    private final int maxLength;
    private List<Constraint> fulfilled = new ArrayList<>();
    private @Nullable Constraint inProgress;
    private List<Constraint> pending = new ArrayList<>();
    private boolean completed;

    ConstraintListState(List<Constraint> constraints) {
        if (constraints.isEmpty()) {
            throw new IllegalArgumentException("no constraints");
        }
        this.constraints = constraints;
        int longest = 0;
        for (Constraint c : constraints) {
            longest = Math.max(longest, c.length());
        }
        this.maxLength = longest;
        start();
    }

    /** transformers' {@code init_state}, which leaves {@code completed} as it was. */
    private void start() {
        fulfilled = new ArrayList<>();
        inProgress = null;
        pending = new ArrayList<>();
        for (Constraint c : constraints) {
            pending.add(c.copy(false));
        }
    }

    /** Whether every constraint is fulfilled. */
    boolean completed() {
        return completed;
    }

    /**
     * The bank: {@code max_len} per fulfilled constraint (the longest constraint's length), plus, for the one
     * in progress, {@code max_len} less what it still needs.
     */
    int bank() {
        int partial = inProgress == null ? 0 : maxLength - inProgress.remaining();
        return fulfilled.size() * maxLength + partial;
    }

    /**
     * The tokens that make progress: the next ones of the constraint in progress, or else the first ones
     * of every pending constraint in order (repeats kept); empty when there are none.
     */
    int[] advance() {
        if (inProgress != null) {
            return inProgress.advance();
        }
        List<int[]> each = new ArrayList<>();
        int n = 0;
        for (Constraint c : pending) {
            int[] a = c.advance();
            each.add(a);
            n += a.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] a : each) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    /** Starts over and takes the tokens in, stopping once every constraint is fulfilled. */
    void reset(int[] tokens) {
        start();
        for (int token : tokens) {
            add(token);
            if (completed) {
                break;
            }
        }
    }

    /** Takes one generated token in: it steps or completes at most one constraint. */
    Added add(int token) {
        if (completed) {
            return new Added(true, false);
        }
        Constraint current = inProgress;
        if (current != null) {
            Constraint.Update u = current.update(token);
            if (u.reset()) {
                pending.add(current.copy(false));
                inProgress = null;
            }
            if (u.completed()) {
                fulfilled.add(current);
                inProgress = null;
                if (pending.isEmpty()) {
                    completed = true;
                }
            }
            return new Added(u.completed(), u.stepped());
        }
        for (int i = 0; i < pending.size(); i++) {
            Constraint c = pending.get(i);
            if (!c.doesAdvance(token)) {
                continue;
            }
            Constraint.Update u = c.update(token);
            if (!u.stepped()) {
                throw new IllegalStateException("a constraint that takes token " + token + " did not step");
            }
            if (u.completed()) {
                fulfilled.add(c);
                inProgress = null;
            } else {
                inProgress = c;
            }
            pending.remove(i);
            if (pending.isEmpty() && inProgress == null) {
                completed = true;
            }
            return new Added(u.completed(), true);
        }
        return new Added(false, false);
    }

    /**
     * A new state over the same constraints: fresh, or ({@code stateful}) with this one's fulfilled and
     * in-progress constraints copied with their progress and the pending ones fresh. As in transformers,
     * {@code completed} is not carried over.
     */
    ConstraintListState copy(boolean stateful) {
        ConstraintListState s = new ConstraintListState(constraints);
        if (stateful) {
            s.fulfilled = new ArrayList<>();
            fulfilled.forEach(c -> s.fulfilled.add(c.copy(true)));
            s.inProgress = inProgress == null ? null : inProgress.copy(true);
            s.pending = new ArrayList<>();
            pending.forEach(c -> s.pending.add(c.copy(false)));
        }
        return s;
    }

    /** Whether a sequence (decoder start token included) fulfils every constraint. */
    static boolean fulfils(List<Constraint> constraints, int[] sequence) {
        ConstraintListState s = new ConstraintListState(constraints);
        s.reset(sequence);
        return s.completed;
    }
}
