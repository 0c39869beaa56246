package dev.briefs.summarise;

import dev.briefs.chunk.ChunkPacker;
import java.util.List;
import java.util.Map;

/** Routes each language to the summariser the job file names for it, and every other language to a fallback. */
public final class SummarisersByLanguage implements Summariser {

    private final Map<String, Summariser> byLanguage;
    private final Summariser fallback;

    public SummarisersByLanguage(Map<String, Summariser> byLanguage, Summariser fallback) {
        this.byLanguage = Map.copyOf(byLanguage);
        this.fallback = fallback;
    }

    private Summariser forLanguage(String language) {
        return byLanguage.getOrDefault(language, fallback);
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return forLanguage(language).packerFor(language);
    }

    @Override
    public List<Summary> summariseAll(List<Request> requests) {
        Summary[] out = new Summary[requests.size()];
        Map<Summariser, List<Integer>> bySummariser = new java.util.LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            bySummariser.computeIfAbsent(forLanguage(requests.get(i).language()), s -> new java.util.ArrayList<>()).add(i);
        }
        bySummariser.forEach((summariser, positions) -> {
            List<Summary> done = summariser.summariseAll(positions.stream().map(requests::get).toList());
            for (int k = 0; k < positions.size(); k++) {
                out[positions.get(k)] = done.get(k);
            }
        });
        return java.util.Arrays.asList(out);
    }
}
