package dev.briefs.failure;

/** An exception's cause chain, read the same way everywhere. */
public final class Causes {

    private Causes() {}

    /** The innermost cause of {@code t}: {@code t} itself when it has none; a cause that is its own cause ends the chain. */
    public static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The outermost exception of {@code type} in {@code t}'s cause chain, {@code t} included; null when there is none. */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
