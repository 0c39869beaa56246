package dev.briefs.log;

import java.net.URI;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.regex.Pattern;

/**
 * How the user starts the program, as the fix hints (messages that end with the command to run)
 * spell it: the command they actually ran, so that a hint can be pasted as it is. One place, so that
 * every hint names the same command; a leaf, so that any package may use it without depending on
 * another of ours.
 *
 * <p>In order: {@value #COMMAND_VARIABLE} when set (a wrapper script or a container that starts the
 * program as {@code briefs} says so there); else, run from its jar, {@code java -jar} and the jar's
 * path, relative to the working directory when the jar is under it; else (classes on a classpath:
 * the tests, an IDE) the command the docs give, {@value #DOCUMENTED}.
 */
public final class Invocation {

    /** The environment variable that names the command, for those who start the program some other way. */
    public static final String COMMAND_VARIABLE = "BRIEFS_COMMAND";

    /** The command that starts the program, as the docs give it. */
    static final String DOCUMENTED = "java -jar target/briefs.jar";

    /** Characters a shell takes as they are; a path with any other is quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+=:,@%-]+");

    private Invocation() {}

    /** The full command for these arguments, e.g. {@code command("models fetch NAME")}. */
    public static String command(String arguments) {
        return launcher() + " " + arguments;
    }

    /** The command that starts the program, such as {@code java -jar target/briefs.jar}. */
    public static String launcher() {
        return Launcher.VALUE;
    }

    /** Worked out on first use, once: neither the environment nor the jar changes while the program runs. */
    private static final class Launcher {
        static final String VALUE = launcher(
                System.getenv(COMMAND_VARIABLE), codeLocation(), Path.of("").toAbsolutePath());
    }

    private static String codeLocation() {
        CodeSource source = Invocation.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null
                ? null
                : source.getLocation().toString();
    }

    /**
     * The launcher, from what the environment says; no side effects, so tests can give it any.
     *
     * @param commandVariable   the value of {@value #COMMAND_VARIABLE}, or null
     * @param codeLocation      where this class was loaded from, as a URL: {@code jar:nested:/x/briefs.jar/!BOOT-INF/classes/!/}
     *                          from Spring Boot's jar, {@code file:/x/target/classes/} from a classpath; or null
     * @param workingDirectory  the absolute working directory
     */
    static String launcher(String commandVariable, String codeLocation, Path workingDirectory) {
        if (commandVariable != null && !commandVariable.isBlank()) {
            return commandVariable.strip();
        }
        Path jar = jarOf(codeLocation);
        if (jar == null) {
            return DOCUMENTED;
        }
        Path shown = jar.startsWith(workingDirectory) ? workingDirectory.relativize(jar) : jar;
        return "java -jar " + shellWord(shown.toString());
    }

    /**
     * The jar a class was loaded from, or null when it was not loaded from a jar's inside. A plain
     * {@code file:} location is a folder or a jar on a classpath, which {@code java -jar} would not start.
     */
    static Path jarOf(String codeLocation) {
        if (codeLocation == null || !codeLocation.startsWith("jar:")) {
            return null;
        }
        String inner = codeLocation.substring("jar:".length());
        try {
            if (inner.startsWith("nested:")) {
                // Spring Boot's nested jar URL: nested:<the jar's path>/!<the entry inside it>
                int entry = inner.indexOf("/!");
                String path = inner.substring("nested:".length(), entry < 0 ? inner.length() : entry);
                return Path.of(URI.create("file://" + path)).normalize();
            }
            int entry = inner.indexOf("!/");
            String jar = entry < 0 ? inner : inner.substring(0, entry);
            return jar.startsWith("file:") ? Path.of(URI.create(jar)).normalize() : null;
        } catch (IllegalArgumentException e) {
            return null; // a location this code does not know how to read: the documented command is still right
        }
    }

    /** A word the shell reads back as {@code text}: single-quoted unless it has only plain characters. */
    static String shellWord(String text) {
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
