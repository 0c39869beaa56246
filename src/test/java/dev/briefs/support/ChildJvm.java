package dev.briefs.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Another JVM on the test's own classpath, for the tests and benchmarks that kill, stop or add processes. */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * Starts {@code mainClass} with its arguments; standard error goes into standard output. The
     * caller must read that output while the child runs: the job logs a line per article, and a
     * child whose pipe is full stops until it is read.
     */
    public static Process start(String mainClass, String... args) throws IOException {
        return new ProcessBuilder(command(mainClass, args))
                .redirectErrorStream(true)
                .start();
    }

    /**
     * As {@link #start(String, String...)}, with standard output and error going to {@code log}: for a child
     * whose output is read only after it ended, which would otherwise block once the pipe is full. The
     * process's input stream then reads nothing; read the log.
     */
    public static Process start(Path log, String mainClass, String... args) throws IOException {
        return new ProcessBuilder(command(mainClass, args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * As {@link #start(Path, String, String...)}, with these variables set in the child's environment
     * (over the ones it would inherit from this process).
     */
    public static Process start(Path log, Map<String, String> environment, String mainClass, String... args)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
