package dev.briefs.cli;

import dev.briefs.model.CatalogEntry;
import dev.briefs.model.FetchTarget;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.ModelFetcher;
import dev.briefs.model.ModelStore;
import dev.briefs.model.PinnedSizes;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.HubSettings;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.Progress;
import dev.briefs.model.hub.Sizes;
import dev.briefs.optimum.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code models fetch [NAME|REPO[@REVISION]]...}. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = {
            "Download, verify (SHA-256) and install models into the models folder.",
            "Without arguments: every non-optional catalog model that is not installed yet."
        })
public class ModelsFetchCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand parent;

    @Parameters(
            paramLabel = "NAME|REPO[@REVISION]",
            arity = "0..*",
            description = "A catalog name (opus-mt-en-uk) or any hub repo id (Xenova/opus-mt-en-fr@main).")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--variant",
            paramLabel = "fp32|quantized|q4|fp16",
            description = {
                "ONNX variant to fetch (default: the catalog's, fp32, which the job loads unless its job file",
                "sets models.variant; fp32 for repo ids that are not in the catalog)."
            })
    String variant;

    @Option(names = "--force", description = "Download again even when the same commit is installed and intact.")
    boolean force;

    @Override
    public Integer call() {
        return parent.run(() -> {
            String offline = parent.env().getOrDefault("HF_HUB_OFFLINE", "");
            if (List.of("1", "true", "yes", "on").contains(offline.trim().toLowerCase(Locale.ROOT))) {
                throw ModelException.user("HF_HUB_OFFLINE is set: not fetching (unset it, or copy the models folder "
                        + "from a machine that has fetched them and run 'models verify')");
            }
            Variant v = variant != null ? Variant.parse(variant) : null;
            ModelCatalog catalog = models.isEmpty() || models.stream().anyMatch(m -> !m.contains("/"))
                    ? parent.catalog()
                    : parent.catalogOrEmpty();
            ModelStore store = parent.store(catalog);
            List<FetchTarget> targets = new ArrayList<>();
            if (models.isEmpty()) {
                for (CatalogEntry e : catalog.entries()) {
                    if (e.optional() || e.bundled()) {
                        continue;
                    }
                    if (store.status(e.name(), ModelStore.Check.QUICK).usable()) {
                        parent.out().println(e.name() + ": already installed");
                    } else {
                        targets.add(FetchTarget.of(e, null).withVariant(v));
                    }
                }
                if (targets.isEmpty()) {
                    parent.out()
                            .println("all required models are installed in " + store.modelsDir()
                                    + " (check them with: models verify)");
                    return ModelsCommand.OK;
                }
            } else {
                for (String m : models) {
                    FetchTarget t =
                            catalog.resolve(m, v != null ? v : Variant.DEFAULT).withVariant(v);
                    String note = PinnedSizes.skippedNote(catalog.find(t.name()).orElse(null), t);
                    if (note != null) {
                        parent.err().println("note: " + note);
                    }
                    if (t.bundled()) {
                        parent.out().println(t.name() + ": bundled with the application, nothing to fetch");
                    } else {
                        targets.add(t);
                    }
                }
            }
            HubSettings settings = parent.hubSettings();
            HubClient client = new HubClient(settings, parent.err()::println);
            ModelFetcher fetcher =
                    new ModelFetcher(store, client, Progress.auto(parent.err()::println), parent.err()::println);
            int code = ModelsCommand.OK;
            for (FetchTarget t : targets) {
                try {
                    ModelFetcher.Result r = fetcher.fetch(t, force);
                    parent.out()
                            .println(
                                    r.alreadyInstalled()
                                            ? t.name() + ": already installed at commit " + r.commit()
                                            : t.name() + ": installed " + r.files() + " files ("
                                                    + Sizes.human(r.bytes()) + ") from " + t.repo() + " at commit "
                                                    + r.commit() + " into " + r.dir());
                } catch (ModelException e) {
                    parent.err().println("error: " + t.name() + ": " + e.getMessage());
                    code = Math.max(code, e.exitCode());
                }
                parent.err().flush();
                parent.out().flush();
            }
            return code;
        });
    }
}
