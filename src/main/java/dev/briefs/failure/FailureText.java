package dev.briefs.failure;

/**
 * The line an operator reads when a step failed: its innermost cause, not Spring Batch's wrapper
 * ("Unable to process chunk"). The job's own exceptions are written for the operator and read as
 * their message alone; others keep their type, which often is the only hint (a NullPointerException).
 */
public final class FailureText {

    private FailureText() {}

    public static String of(Throwable failure) {
        Throwable root = Causes.root(failure);
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        if (root.getClass().getName().startsWith("dev.briefs.")) {
            return message;
        }
        return root.getClass().getSimpleName() + ": " + message;
    }
}
