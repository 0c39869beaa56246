package dev.briefs.generate;

/**
 * An ordered sequence of tokens the output must contain, as transformers 4.46.3's {@code PhrasalConstraint}:
 * the progress is the index of the last token generated in order; any other token breaks it.
 */
final class PhrasalConstraint implements Constraint {

    private final int[] tokens;
    /** The index of the last fulfilled token, -1 before the first. */
    private int fulfilled = -1;

    private boolean completed;

    PhrasalConstraint(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a phrase of force_words_ids needs at least one token id");
        }
        this.tokens = tokens.clone();
    }

    @Override
    public int[] advance() {
        return completed ? new int[0] : new int[] {tokens[fulfilled + 1]};
    }

    @Override
    public boolean doesAdvance(int token) {
        return !completed && tokens[fulfilled + 1] == token;
    }

    @Override
    public Update update(int token) {
        if (!doesAdvance(token)) {
            reset();
            return new Update(false, false, true);
        }
        fulfilled++;
        completed = fulfilled == tokens.length - 1;
        return new Update(true, completed, false);
    }

    /**
     * transformers sets the progress to 0 here, not -1, as if the first token were still there. The list
     * state never reads a constraint after a reset (it takes a fresh copy instead), so this is seen only
     * through this class itself; it is kept so that the class answers as transformers' does.
     */
    @Override
    public void reset() {
        completed = false;
        fulfilled = 0;
    }

    @Override
    public int remaining() {
        return tokens.length - (fulfilled + 1);
    }

    @Override
    public int length() {
        return tokens.length;
    }

    @Override
    public PhrasalConstraint copy(boolean stateful) {
        PhrasalConstraint c = new PhrasalConstraint(tokens);
        if (stateful) {
            c.fulfilled = fulfilled;
            c.completed = completed;
        }
        return c;
    }
}
