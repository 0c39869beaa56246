package dev.briefs.summarise;

import dev.briefs.chunk.TokenCounter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Language-agnostic sentence vectors for languages the embedding model was not trained on:
 * TF-IDF over character 4-grams of words (within the article), hashed into a fixed number of
 * buckets. Character n-grams match the stems of inflected words (Ukrainian "війна", "війни",
 * "війною"), which whole-word counts would miss, and need no language resources.
 * No model is called, so the whole article is one chunk and its document frequencies are the article's.
 */
public final class LexicalVectors implements SentenceVectors {

    public static final String NAME = "lexical-tfidf";
    private static final int DIMENSIONS = 1 << 14;
    private static final int N = 4;

    @Override
    public float[][] vectors(List<String> sentences) {
        List<Map<Integer, Integer>> counts =
                sentences.stream().map(LexicalVectors::gramCounts).toList();
        Map<Integer, Integer> documentFrequency = new HashMap<>();
        for (Map<Integer, Integer> c : counts) {
            c.keySet().forEach(g -> documentFrequency.merge(g, 1, Integer::sum));
        }
        int n = sentences.size();
        float[][] vectors = new float[n][DIMENSIONS];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (Map.Entry<Integer, Integer> e : counts.get(i).entrySet()) {
                double idf = Math.log((1.0 + n) / (1.0 + documentFrequency.get(e.getKey()))) + 1.0;
                double w = (1 + Math.log(e.getValue())) * idf;
                vectors[i][e.getKey()] += (float) w;
            }
            for (float x : vectors[i]) {
                norm += x * x;
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < DIMENSIONS; d++) {
                    vectors[i][d] *= scale;
                }
            }
        }
        return vectors;
    }

    private static Map<Integer, Integer> gramCounts(String sentence) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String word : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "_" + word + "_";
            if (padded.length() <= N) {
                counts.merge(bucket(padded), 1, Integer::sum);
                continue;
            }
            for (int i = 0; i + N <= padded.length(); i++) {
                counts.merge(bucket(padded.substring(i, i + N)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int bucket(String gram) {
        return Math.floorMod(gram.hashCode(), DIMENSIONS);
    }

    @Override
    public TokenCounter tokenCounter() {
        return text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    @Override
    public int maxTokensPerCall() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String modelName() {
        return NAME;
    }
}
