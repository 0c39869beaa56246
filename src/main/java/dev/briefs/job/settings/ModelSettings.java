package dev.briefs.job.settings;

import dev.briefs.optimum.UnknownVariantException;
import dev.briefs.optimum.Variant;
import dev.briefs.translate.ForcedRoute;
import dev.briefs.translate.Routes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job file's {@code models} block: where models are installed, which summarises each language and which
 * translates each pair, forced routes, the ONNX graphs a night loads, and whether and from where missing models
 * are fetched.
 */
public record ModelSettings(
        Path dir,
        Map<String, String> summarise,
        Map<String, String> translate,
        Map<String, ForcedRoute> routes,
        boolean autoFetch,
        String hubEndpoint,
        Variant variant) {

    /** The {@code models.summarise} value that keeps a language on the bundled extractive summariser. */
    public static final String EXTRACTIVE = "extractive";

    public ModelSettings {
        summarise = Map.copyOf(summarise);
        translate = Map.copyOf(translate);
        routes = Map.copyOf(routes);
    }

    static ModelSettings resolve(JobFile.Models block, String where) {
        JobFile.Models models = block != null ? block : new JobFile.Models(null, null, null, null, null, null, null);
        Map<String, String> summarise = new LinkedHashMap<>();
        if (models.summarise() != null) {
            models.summarise().forEach((lang, model) -> {
                if (!lang.matches("[a-z]{2,3}")) {
                    throw new JobFileException(
                            where + ": models.summarise key '" + lang + "' is not a language code such as en");
                }
                if (model != null && !model.equals(EXTRACTIVE)) {
                    summarise.put(lang, SettingValues.modelName(model, "models.summarise." + lang, where));
                }
            });
        }
        Map<String, String> translate = models.translate() != null ? models.translate() : Map.of();
        translate.forEach((pair, model) -> {
            if (!pair.matches("[a-z]{2,3}-[a-z]{2,3}")) {
                throw new JobFileException(
                        where + ": models.translate key '" + pair + "' is not a language pair such as en-uk");
            }
            SettingValues.modelName(model, "models.translate." + pair, where);
        });
        return new ModelSettings(
                Path.of(models.dir() != null ? models.dir() : "models"),
                summarise,
                translate,
                RouteSettings.parse(models.routes(), where),
                Boolean.TRUE.equals(models.autoFetch()),
                models.endpoint(),
                variant(models.variant(), where));
    }

    /** Every model the job file names, for the preflight. */
    public Set<String> named() {
        Set<String> names = new TreeSet<>(translate.values());
        names.addAll(summarise.values());
        names.addAll(Routes.forcedModels(routes));
        return names;
    }

    /** {@code models.variant}, read as every command reads {@code --variant}; {@link Variant#DEFAULT} when absent. */
    static Variant variant(String text, String where) {
        if (text == null) {
            return Variant.DEFAULT;
        }
        Variant v;
        try {
            v = Variant.parse(text);
        } catch (UnknownVariantException e) {
            throw new JobFileException(where + ": models.variant: " + e.getMessage());
        }
        // fp16 graphs can be fetched but not run: say so before the night starts, not when its first model loads.
        if (v == Variant.FP16) {
            throw new JobFileException(where + ": models.variant 'fp16' cannot be loaded (DJL's ONNX Runtime engine"
                    + " has no float16 tensors); use fp32, q4 or quantized");
        }
        return v;
    }
}
