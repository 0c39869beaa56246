package dev.briefs.cli;

import dev.briefs.model.ModelCatalog;
import dev.briefs.model.ModelStore;
import dev.briefs.model.hub.HubSettings;
import dev.briefs.model.hub.ModelException;
import dev.briefs.optimum.UnknownVariantException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code briefs models list|fetch|verify}. Works on its own too:
 * {@code new CommandLine(new ModelsCommand()).execute(args)}. Exit codes: 0 success, 1 the fetch (or a
 * verification) failed, 2 a user or configuration error (one line on stderr, no stack trace).
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        subcommands = {ModelsListCommand.class, ModelsFetchCommand.class, ModelsVerifyCommand.class},
        description = {
            "List, fetch and verify the models the briefs job uses (see models/README.md).",
            "Environment: HF_ENDPOINT (hub or mirror URL), HF_TOKEN (for gated or private repos), "
                    + "HF_HUB_OFFLINE=1 (refuse to fetch)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:fetch or verification failed", "2:user or configuration error"})
public class ModelsCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--models-dir",
            paramLabel = "DIR",
            defaultValue = "models",
            scope = ScopeType.INHERIT,
            description = "Folder of the installed models (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            defaultValue = "models/catalog.yaml",
            scope = ScopeType.INHERIT,
            description = "Model catalog (default: ${DEFAULT-VALUE}).")
    Path catalogFile;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description =
                    "Hub or mirror to fetch from (default: $HF_ENDPOINT, else " + HubSettings.DEFAULT_ENDPOINT + ").")
    String endpoint;

    private final Map<String, String> env;
    private final UnaryOperator<HubSettings> settingsTweak;

    public ModelsCommand() {
        this(System.getenv(), UnaryOperator.identity());
    }

    /**
     * @param env           environment to read HF_ENDPOINT, HF_TOKEN and HF_HUB_OFFLINE from
     * @param settingsTweak applied last to the hub settings (tests: a token, small timeouts)
     */
    public ModelsCommand(Map<String, String> env, UnaryOperator<HubSettings> settingsTweak) {
        this.env = Map.copyOf(Objects.requireNonNull(env));
        this.settingsTweak = Objects.requireNonNull(settingsTweak);
    }

    /**
     * A {@link CommandLine} for this command whose parse errors (unknown option, missing value) are one
     * line on stderr, exit 2, instead of picocli's message plus usage. The top-level {@code briefs}
     * command can install {@link #SHORT_PARSE_ERRORS} itself for the same effect.
     */
    public static CommandLine newCommandLine(ModelsCommand command) {
        return new CommandLine(command).setParameterExceptionHandler(SHORT_PARSE_ERRORS);
    }

    /** Parse errors as {@code error: MESSAGE (see 'models fetch --help')}, exit code 2. */
    public static final CommandLine.IParameterExceptionHandler SHORT_PARSE_ERRORS = (ex, args) -> {
        CommandLine cl = ex.getCommandLine();
        cl.getErr()
                .println("error: " + ex.getMessage() + " (see '"
                        + cl.getCommandSpec().qualifiedName() + " --help')");
        cl.getErr().flush();
        return USER_ERROR;
    };

    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return USER_ERROR;
    }

    // ------------------------------------------------------------------ for the subcommands

    Map<String, String> env() {
        return env;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The catalog; a missing or broken one is a user error. */
    ModelCatalog catalog() {
        return ModelCatalog.load(catalogFile);
    }

    /** The catalog, or an empty one when the file does not exist (fetch of plain repo ids needs none). */
    ModelCatalog catalogOrEmpty() {
        return Files.exists(catalogFile) ? catalog() : ModelCatalog.empty();
    }

    ModelStore store(ModelCatalog catalog) {
        return new ModelStore(modelsDir, catalog);
    }

    Path modelsDir() {
        return modelsDir;
    }

    HubSettings hubSettings() {
        return settingsTweak.apply(HubSettings.fromEnvironment(env, endpoint));
    }

    /** Runs a subcommand body: errors become one line on stderr and an exit code, never a stack trace. */
    int run(Callable<Integer> body) {
        try {
            return body.call();
        } catch (ModelException e) {
            err().println("error: " + e.getMessage());
            return e.exitCode();
        } catch (UnknownVariantException e) {
            err().println("error: " + e.getMessage());
            return USER_ERROR;
        } catch (UncheckedIOException e) {
            err().println("error: " + e.getCause().getMessage());
            return FAILED;
        } catch (IOException e) {
            err().println("error: " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILED;
        } finally {
            out().flush();
            err().flush();
        }
    }
}
