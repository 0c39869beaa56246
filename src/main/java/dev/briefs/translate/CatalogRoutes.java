package dev.briefs.translate;

import dev.briefs.model.CatalogEntry;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The translation models of the catalog beside the installed models, as the router sees them. */
public final class CatalogRoutes {

    private CatalogRoutes() {}

    /**
     * The catalog's translation models in its order; none when the models folder has no catalog (then
     * only the job file's models translate). The preflight has read the same file before the run, so a
     * broken catalog has stopped the run already.
     */
    public static List<ModelLanguages> translationModels(Path modelsDir) {
        Path file = modelsDir.resolve("catalog.yaml");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return ModelCatalog.load(file).entries().stream()
                .filter(e -> e.task() == Task.TRANSLATION && !e.bundled())
                .map(CatalogRoutes::languages)
                .toList();
    }

    private static ModelLanguages languages(CatalogEntry e) {
        return new ModelLanguages(e.name(), e.sourceLanguages(), e.targetLanguages());
    }
}
