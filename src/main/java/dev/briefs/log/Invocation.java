package dev.briefs.log;

/**
 * How the user starts the program, as the fix hints (messages that end with the command to run)
 * spell it. One place, so that every hint names the same command; a leaf, so that any package may
 * use it without depending on another of ours.
 */
public final class Invocation {

    /** The command that starts the program, as the docs give it. */
    public static final String LAUNCHER = "java -jar target/briefs.jar";

    private Invocation() {
    }

    /** The full command for these arguments, e.g. {@code command("models fetch NAME")}. */
    public static String command(String arguments) {
        return LAUNCHER + " " + arguments;
    }
}
