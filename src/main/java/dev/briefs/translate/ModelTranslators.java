package dev.briefs.translate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the translation model the job file names for a language pair (such as {@code en-uk}) and
 * reports plainly when it cannot translate: no model named for the pair, or the named model not
 * installed. A translation is never invented or copied from the source.
 */
public final class ModelTranslators implements Translator {

    private final Map<String, String> modelByPair;
    private final Path modelsDir;

    public ModelTranslators(Map<String, String> modelByPair, Path modelsDir) {
        this.modelByPair = Map.copyOf(modelByPair);
        this.modelsDir = modelsDir;
    }

    @Override
    public Translation translate(String text, String sourceLanguage, String targetLanguage) {
        String pair = sourceLanguage + "-" + targetLanguage;
        String model = modelByPair.get(pair);
        if (model == null) {
            return Translation.failed(null, "no translation model for " + pair + " in the job file (models.translate."
                    + pair + ")");
        }
        if (!Files.isDirectory(modelsDir.resolve(model))) {
            return Translation.failed(model, "model not installed: " + model
                    + " (install it with: java -jar target/briefs.jar models fetch " + model + ")");
        }
        // The generation engine that runs installed translation models plugs in here.
        return Translation.failed(model, "model " + model + " is installed but this build has no translation engine");
    }
}
