package dev.briefs.cli;

import dev.briefs.job.settings.JobFileException;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.model.CatalogEntry;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.ModelStatus;
import dev.briefs.model.ModelStatus.State;
import dev.briefs.model.ModelStore;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.Sizes;
import dev.briefs.optimum.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code models list}: the catalog and what is installed. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the catalog's models and the installed ones: repo, task, languages, installed?, "
                + "verified?, size on disk, and which graphs the commands load (and whether they are there). Offline.")
public class ModelsListCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand parent;

    @Option(names = "--verify", description = "Hash every file (slow for big models); default checks sizes only.")
    boolean verify;

    @Option(
            names = "--job",
            paramLabel = "FILE",
            description =
                    "Show the graphs this job file's night loads (its models.variant) instead of the default, fp32.")
    Path job;

    @Override
    public Integer call() {
        return parent.run(() -> {
            ModelCatalog catalog = parent.catalog();
            ModelStore store = parent.store(catalog);
            ModelStore.Check check = verify ? ModelStore.Check.FULL : ModelStore.Check.QUICK;
            Variant loads = loadedVariant();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "REPO", "TASK", "LANGUAGES", "INSTALLED", "VERIFIED", "SIZE", "LOADS"});
            for (CatalogEntry e : catalog.entries()) {
                rows.add(row(e.name(), e.repo(), e.task().id(), e.languages(), Optional.of(e), store, check, loads));
            }
            for (String name : store.installedNames()) {
                if (catalog.find(name).isEmpty()) {
                    ModelStatus st = store.status(name, check);
                    String repo = st.manifest() == null ? "?" : st.manifest().repo();
                    rows.add(row(name, repo, "-", "-", Optional.empty(), store, check, loads));
                }
            }
            print(rows);
            parent.out()
                    .println("models folder: "
                            + store.modelsDir().toAbsolutePath().normalize()
                            + (verify ? "" : "  (verified = sizes only; --verify hashes every file)"));
            parent.out()
                    .println(
                            job == null
                                    ? "loads: what run, translate, summarise, eval and bench load: " + loads.id()
                                            + " (the default; a job "
                                            + "file's models.variant asks the night for another, --variant the others; --job FILE shows a job file's)"
                                    : "loads: what the night of " + job + " loads: " + loads.id()
                                            + " (its models.variant, else the default); translate, "
                                            + "summarise, eval and bench load it with --variant " + loads.id());
            return ModelsCommand.OK;
        });
    }

    /** The job file's models.variant with --job, else the default every command loads. */
    private Variant loadedVariant() {
        if (job == null) {
            return Variant.DEFAULT;
        }
        try {
            return JobSettings.variantOf(job, JobFiles.read(job));
        } catch (JobFileException e) {
            throw ModelException.user(e.getMessage());
        }
    }

    /** The variant loaded, and whether its graphs are there; else the variants that are. */
    private static String loads(ModelStore store, String name, Variant loads) {
        List<Variant> there = store.graphVariants(name);
        if (there.contains(loads)) {
            return loads.id();
        }
        return loads.id() + ": MISSING"
                + (there.isEmpty()
                        ? ""
                        : " (has " + there.stream().map(Variant::id).collect(Collectors.joining(", ")) + ")");
    }

    private String[] row(
            String name,
            String repo,
            String task,
            String langs,
            Optional<CatalogEntry> e,
            ModelStore store,
            ModelStore.Check check,
            Variant loads) {
        ModelStatus st = store.status(name, check);
        String installed;
        String verified;
        String size;
        String loaded = "-";
        if (st.state() == State.BUNDLED) {
            installed = "bundled";
            verified = "-";
            size = "-";
        } else if (st.state() == State.NOT_INSTALLED) {
            boolean optional = e.map(CatalogEntry::optional).orElse(false);
            installed = "no" + (optional ? " (optional)" : "") + (store.hasPartial(name) ? " (partial)" : "");
            verified = "-";
            size = e.filter(x -> x.approxSizeMb() > 0)
                    .map(x -> "~" + x.approxSizeMb() + " MB to fetch")
                    .orElse("-");
        } else {
            installed = "yes";
            verified = switch (st.state()) {
                case OK -> check == ModelStore.Check.FULL ? "ok" : "ok (sizes)";
                case CHANGED -> "CHANGED: " + String.join(",", st.changed());
                case INCOMPLETE ->
                    st.missing().isEmpty()
                            ? "INCOMPLETE (" + st.detail() + ")"
                            : "MISSING: " + String.join(",", st.missing());
                case OUTDATED -> "OUTDATED";
                case UNMANAGED -> "by hand (no manifest)";
                default -> st.state().name();
            };
            size = Sizes.human(store.sizeOnDisk(name));
            loaded = loads(store, name, loads);
        }
        return new String[] {name, repo, task, langs, installed, verified, size, loaded};
    }

    private void print(List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(i == r.length - 1 ? r[i] : String.format("%-" + (w[i] + 2) + "s", r[i]));
            }
            parent.out().println(b.toString().stripTrailing());
        }
    }
}
