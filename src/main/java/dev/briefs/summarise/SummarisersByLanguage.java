package dev.briefs.summarise;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.GenerationModels;
import dev.briefs.log.Invocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes each language to the summariser the job file names for it, and every other language to a
 * fallback. Where the named model is not installed the fallback stands in, and its summaries say so.
 */
public final class SummarisersByLanguage implements Summariser {

    private final Map<String, Summariser> byLanguage;
    private final Summariser fallback;
    private final Map<String, String> missing;

    /** @param missing language to the model the job file names for it but that is not installed */
    public SummarisersByLanguage(Map<String, Summariser> byLanguage, Summariser fallback, Map<String, String> missing) {
        this.byLanguage = Map.copyOf(byLanguage);
        this.fallback = fallback;
        this.missing = Map.copyOf(missing);
    }

    public SummarisersByLanguage(Map<String, Summariser> byLanguage, Summariser fallback) {
        this(byLanguage, fallback, Map.of());
    }

    /**
     * A summarisation model named for a language and installed is used for that language; every other language
     * gets {@code fallback}, and a named model that is not installed is noted, so that its stand-in summaries say
     * so. The installed ones load here, so that a broken one stops the run before any article is read.
     *
     * @param modelByLanguage the job file's {@code models.summarise}
     */
    public static SummarisersByLanguage forModels(
            Map<String, String> modelByLanguage,
            GenerationModels models,
            Summariser fallback,
            int chunkTokens,
            BatchedGeneration batches) {
        Map<String, Summariser> byLanguage = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        modelByLanguage.forEach((language, name) -> {
            if (models.installed(name)) {
                byLanguage.put(language, new AbstractiveSummariser(name, models.get(name), chunkTokens, batches));
            } else {
                missing.put(language, name);
            }
        });
        return new SummarisersByLanguage(byLanguage, fallback, missing);
    }

    private Summariser forLanguage(String language) {
        return byLanguage.getOrDefault(language, fallback);
    }

    private Summary saySoIfStandIn(Summary summary, String language) {
        String named = missing.get(language);
        if (named == null || byLanguage.containsKey(language)) {
            return summary;
        }
        return summary.on(summary.path().asFallback())
                .with(new Degradation(
                        Degradation.FALLBACK_SUMMARISER,
                        language,
                        "the job file names " + named
                                + " to summarise this language, but it is not installed: the extractive summariser stood in "
                                + "(install it with: " + Invocation.command("models fetch " + named) + ")"));
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return forLanguage(language).packerFor(language);
    }

    @Override
    public List<Summary> summariseAll(List<Request> requests) {
        Summary[] out = new Summary[requests.size()];
        Map<Summariser, List<Integer>> bySummariser = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            bySummariser
                    .computeIfAbsent(forLanguage(requests.get(i).language()), s -> new ArrayList<>())
                    .add(i);
        }
        bySummariser.forEach((summariser, positions) -> {
            List<Summary> done = summariser.summariseAll(
                    positions.stream().map(requests::get).toList());
            for (int k = 0; k < positions.size(); k++) {
                out[positions.get(k)] = saySoIfStandIn(
                        done.get(k), requests.get(positions.get(k)).language());
            }
        });
        return Arrays.asList(out);
    }
}
