package dev.briefs.summarise;

import dev.briefs.chunk.ChunkPacker;
import dev.briefs.failure.Degradation;
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

    private Summariser forLanguage(String language) {
        return byLanguage.getOrDefault(language, fallback);
    }

    private Summary saySoIfStandIn(Summary summary, String language) {
        String named = missing.get(language);
        if (named == null || byLanguage.containsKey(language)) {
            return summary;
        }
        return summary.on(summary.path().asFallback()).with(new Degradation(Degradation.FALLBACK_SUMMARISER, language, "the job file names " + named
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
            bySummariser.computeIfAbsent(forLanguage(requests.get(i).language()), s -> new ArrayList<>()).add(i);
        }
        bySummariser.forEach((summariser, positions) -> {
            List<Summary> done = summariser.summariseAll(positions.stream().map(requests::get).toList());
            for (int k = 0; k < positions.size(); k++) {
                out[positions.get(k)] = saySoIfStandIn(done.get(k), requests.get(positions.get(k)).language());
            }
        });
        return Arrays.asList(out);
    }
}
