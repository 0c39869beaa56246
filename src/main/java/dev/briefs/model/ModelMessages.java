package dev.briefs.model;

import dev.briefs.log.Invocation;

/** User-facing messages that end with the exact command that fixes the problem. */
public final class ModelMessages {

    private ModelMessages() {}

    /** {@code java -jar target/briefs.jar models fetch NAME}. */
    public static String fixCommand(String name) {
        return Invocation.command("models fetch " + name);
    }

    /** {@code java -jar target/briefs.jar models verify NAME}. */
    public static String verifyCommand(String name) {
        return Invocation.command("models verify " + name);
    }

    /**
     * The preflight line for a model the job cannot use, e.g. {@code model opus-mt-en-uk is not installed
     * in models/; run: java -jar target/briefs.jar models fetch opus-mt-en-uk}. Null when it is usable.
     */
    public static String problem(ModelStatus status, String modelsDir) {
        if (status.usable()) {
            return null;
        }
        String what = switch (status.state()) {
            case NOT_INSTALLED -> "is not installed in " + modelsDir + "/";
            case CHANGED -> "has changed files (" + String.join(", ", status.changed()) + ")";
            case INCOMPLETE ->
                status.missing().isEmpty()
                        ? "is incomplete" + (status.detail().isEmpty() ? "" : " (" + status.detail() + ")")
                        : "is missing " + String.join(", ", status.missing());
            case OUTDATED -> "is not the pinned revision (" + status.detail() + ")";
            default -> status.state().name();
        };
        return "model " + status.name() + " " + what + "; run: " + fixCommand(status.name());
    }
}
