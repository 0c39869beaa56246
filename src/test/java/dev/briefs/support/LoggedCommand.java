package dev.briefs.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the command line in-process and keeps, beside what it printed, the log lines it wrote on
 * the process's standard error, where Logback's console appender writes them.
 */
public record LoggedCommand(CommandResult result, String log) {

    public static LoggedCommand run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return new LoggedCommand(CommandResult.run(args), log.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    public List<String> logLines() {
        return log.lines().toList();
    }
}
