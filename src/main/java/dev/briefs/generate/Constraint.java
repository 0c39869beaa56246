package dev.briefs.generate;

/**
 * One positive constraint of constrained beam search: a token sequence the output must contain, taken
 * one token at a time, as transformers 4.46.3's {@code Constraint} ({@code generation/beam_constraints.py}).
 * An instance holds one hypothesis's progress and is mutable; {@link #copy(boolean)} gives a fresh copy or
 * one that carries the progress.
 */
sealed interface Constraint permits PhrasalConstraint, DisjunctiveConstraint {

    /**
     * What one generated token did.
     *
     * @param stepped the token was the next one of the constraint
     * @param completed the constraint is now fulfilled
     * @param reset the token broke the progress, which started over
     */
    record Update(boolean stepped, boolean completed, boolean reset) {}

    /** The tokens that would each take the constraint one step further; empty once it is fulfilled. */
    int[] advance();

    /** Whether the token is one of {@link #advance()}'s. */
    boolean doesAdvance(int token);

    /** Takes a generated token into the progress. */
    Update update(int token);

    /** Drops the progress. */
    void reset();

    /** How many more tokens it takes to fulfil the constraint. */
    int remaining();

    /** The most tokens the constraint takes (transformers' {@code seqlen}). */
    int length();

    /** A copy with the same tokens: fresh, or with this one's progress when {@code stateful}. */
    Constraint copy(boolean stateful);
}
