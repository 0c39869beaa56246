package dev.briefs.cache;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A model output as the cache keeps it: the generated text, the token ids on both sides and the
 * model's mean log-probability per generated token (NaN when the model did not give it).
 */
public record CachedOutput(String text, long[] inputIds, int[] outputIds, double meanLogProb) {

    static String ids(long[] ids) {
        return ids == null ? "" : Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    static String ids(int[] ids) {
        return ids == null ? "" : Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    static long[] longIds(String text) {
        return text.isEmpty()
                ? new long[0]
                : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

    static int[] intIds(String text) {
        return text.isEmpty()
                ? new int[0]
                : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
