package dev.briefs.cli;

import dev.briefs.job.launch.RepositoryUnavailableException;
import dev.briefs.job.settings.JobFileException;
import dev.briefs.optimum.UnknownVariantException;
import java.io.PrintWriter;
import java.util.Locale;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code briefs} command line: {@code java -jar target/briefs.jar COMMAND ...}. */
@Command(
        name = "briefs",
        mixinStandardHelpOptions = true,
        versionProvider = BriefsMain.Version.class,
        description = "Turns a day's news articles into short briefs in several languages, with their source links.",
        subcommands = {
            RunCommand.class,
            RerunFailedCommand.class,
            StatusCommand.class,
            WorkerCommand.class,
            ModelsCommand.class,
            GenerateCommand.Translate.class,
            GenerateCommand.Summarise.class,
            EvalCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit status: 0 all briefs complete; 3 some chunks or articles failed (the rest is written);",
            "2 usage or configuration error; 1 the job failed; 143 run or rerun-failed stopped by SIGTERM",
            "after its last committed chunk (130 by Ctrl-C): the same command goes on from there."
        })
public final class BriefsMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            scope = CommandLine.ScopeType.INHERIT,
            description = {
                "How log lines are written on standard error: plain (default), or JSON lines for log "
                        + "shippers: json (= ecs), ecs, logstash, gelf. Default: the Spring property "
                        + LogFormat.SPRING_PROPERTY + " (LOGGING_STRUCTURED_FORMAT_CONSOLE), else plain."
            },
            converter = LogFormatConverter.class)
    LogFormat logFormat;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return execute(cli.getOut(), cli.getErr(), args);
    }

    /** As {@link #execute(String...)}, with the command's output and errors going to the given writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        // Messages carry file names and article text: nothing in them may drive the terminal.
        PrintWriter safeOut = new PrintWriter(new TerminalSafeWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalSafeWriter(err), true);
        cli.setOut(safeOut);
        cli.setErr(safeErr);
        try {
            return cli.execute(args);
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BriefsMain());
        cli.setExecutionExceptionHandler(BriefsMain::handleFailure);
        cli.setParameterExceptionHandler(BriefsMain::handleBadParameters);
        cli.setExecutionStrategy(BriefsMain::executeLogged);
        return cli;
    }

    /** Runs the command with its log format in place; every line it logs is written in that format. */
    private static int executeLogged(CommandLine.ParseResult parsed) {
        LogFormat chosen = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--log-format")) {
                chosen = p.matchedOptionValue("--log-format", null);
            }
        }
        LogFormat format;
        try {
            format = LogFormat.resolve(chosen, new StandardEnvironment());
        } catch (UsageException e) {
            parsed.commandSpec().commandLine().getErr().println("briefs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (LogFormat.Applied applied = format.apply()) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** Reads a format name in any case, and names the valid ones when it is none of them. */
    static final class LogFormatConverter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return LogFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a log format; use plain, json, ecs, logstash or gelf");
            }
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as 'run'");
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException || e instanceof JobFileException || e instanceof UnknownVariantException) {
            err.println("briefs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // The job repository's own line says what and where; its exception's name would only hide it.
        err.println("briefs: failed: " + (e instanceof RepositoryUnavailableException ? e.getMessage() : e));
        if (System.getenv("BRIEFS_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set BRIEFS_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.JOB_FAILED;
    }

    private static int handleBadParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("briefs: " + e.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BriefsMain.class.getPackage().getImplementationVersion();
            return new String[] {"briefs " + (v != null ? v : "(development build)")};
        }
    }
}
