package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.optimum.Variant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Checks, before a night's run, every model the job file names. The job never runs on a model
 * that changed on disk or is half there: that stops the run with the fix. A model that is simply
 * not installed is fetched first when the job allows it and the catalog pins it to a commit; if it
 * is still missing, the run goes on and the work that needs it is recorded as failed, to be rerun
 * once the model is there.
 */
public final class ModelPreflight {

    private final ModelStore store;
    private final Supplier<ModelFetcher> fetcher;
    private final Consumer<String> log;

    /**
     * @param fetcher made only when something must be fetched, so an offline run never builds a client
     */
    public ModelPreflight(ModelStore store, Supplier<ModelFetcher> fetcher, Consumer<String> log) {
        this.store = store;
        this.fetcher = fetcher;
        this.log = log;
    }

    /**
     * @param autoFetch fetch models that are not installed
     * @throws ModelException of kind USER naming the first unusable model and its fix
     */
    public void check(Collection<String> names, boolean autoFetch) {
        check(names, autoFetch, null);
    }

    /**
     * @param variant the ONNX variant the job loads, fetched for missing models (null: the catalog's)
     */
    public void check(Collection<String> names, boolean autoFetch, Variant variant) {
        List<String> missing = new ArrayList<>();
        for (String name : names.stream().distinct().sorted().toList()) {
            ModelStatus status = store.status(name, ModelStore.Check.FULL);
            switch (status.state()) {
                case OK, BUNDLED -> {}
                case UNMANAGED ->
                    log.accept("model " + name + " in " + store.dir(name)
                            + " has no manifest (installed by hand): used as it is, not verified");
                case NOT_INSTALLED -> missing.add(name);
                default ->
                    throw ModelException.user(
                            ModelMessages.problem(status, store.modelsDir().toString()));
            }
        }
        if (missing.isEmpty() || !autoFetch) {
            return;
        }
        ModelFetcher f = null;
        for (String name : missing) {
            FetchTarget target = store.catalog().resolve(name, Variant.DEFAULT).withVariant(variant);
            if (!PathSafety.isCommit(target.revision())) {
                // An unattended run installs only bytes someone chose: a branch is whatever the hub serves that night.
                log.accept("model " + name + " is not installed, and auto-fetch installs only models the catalog pins "
                        + "to a commit (" + name + " follows '" + target.revision() + "'); the run goes on without it. "
                        + "Fetch it by hand with: " + ModelMessages.fixCommand(name) + " (its manifest records the "
                        + "commit it got), or pin it in " + store.catalog().source());
                continue;
            }
            if (f == null) {
                f = fetcher.get();
            }
            try {
                log.accept("model " + name + " is not installed; fetching it (auto-fetch is on)");
                ModelFetcher.Result r = f.fetch(target, false);
                log.accept("model " + name + ": installed from " + r.commit() + " into " + r.dir());
            } catch (ModelException e) {
                // The night goes on without it: the work that needs it fails with the reason and reruns later.
                log.accept(
                        "model " + name + " could not be fetched (" + e.getMessage() + "); the run goes on without it "
                                + "(translations that need it are recorded as failed, summaries fall back to the extractive "
                                + "summariser); fetch it later with: " + ModelMessages.fixCommand(name));
                if (e.kind() == ModelException.Kind.FAILURE) {
                    // The hub itself failed (network, timeouts): the other models would only wait for the same.
                    log.accept("not fetching the other models either: the hub could not be reached");
                    return;
                }
            }
        }
    }
}
