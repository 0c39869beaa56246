package dev.briefs.cli;

import dev.briefs.model.CatalogEntry;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.ModelMessages;
import dev.briefs.model.ModelStatus;
import dev.briefs.model.ModelStatus.State;
import dev.briefs.model.ModelStore;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.model.hub.Sizes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code models verify [NAME]...}: offline SHA-256 check of every installed file against its manifest. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute the SHA-256 of every file of each model's manifest (offline).",
            "Without names: every non-optional catalog model plus whatever else is installed.",
            "Exit 0 only if every model checked is ok."
        })
public class ModelsVerifyCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand parent;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Model names (folders under the models dir).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.run(() -> {
            ModelCatalog catalog = parent.catalogOrEmpty();
            ModelStore store = parent.store(catalog);
            Set<String> todo = new LinkedHashSet<>();
            if (names.isEmpty()) {
                for (CatalogEntry e : catalog.entries()) {
                    if (!e.optional()
                            || store.status(e.name(), ModelStore.Check.QUICK).state() != State.NOT_INSTALLED) {
                        todo.add(e.name());
                    }
                }
                todo.addAll(store.installedNames());
                if (todo.isEmpty()) {
                    throw ModelException.user("nothing to verify: no catalog (" + parent.catalogFile
                            + ") and no models in " + store.modelsDir());
                }
            } else {
                for (String n : names) {
                    PathSafety.checkName(n);
                    if (catalog.find(n).isEmpty() && !Files.exists(store.dir(n))) {
                        throw ModelException.user(
                                "unknown model '" + n + "': not in the catalog and no " + store.dir(n) + " folder");
                    }
                    todo.add(n);
                }
            }
            int bad = 0;
            for (String n : todo) {
                ModelStatus st = store.status(n, ModelStore.Check.FULL);
                if (st.usable()) {
                    parent.out()
                            .println(st.describe()
                                    + (st.manifest() == null
                                            ? ""
                                            : " (" + st.manifest().files().size() + " files, "
                                                    + Sizes.human(st.manifest().totalSize()) + ", commit "
                                                    + st.manifest().commit() + ")"));
                } else {
                    bad++;
                    parent.out().println(st.describe() + "; fix: " + ModelMessages.fixCommand(n));
                }
            }
            if (bad > 0) {
                parent.err().println("error: " + bad + " of " + todo.size() + " models failed verification");
                return ModelsCommand.FAILED;
            }
            return ModelsCommand.OK;
        });
    }
}
