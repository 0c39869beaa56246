package dev.briefs.batch;

import dev.briefs.inference.onnx.CallMemory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which inputs share a model call. Inputs are grouped by their padded length (and by anything else
 * a call must have in common, such as the language pair), sorted by it, and cut into batches
 * within the row, token and memory limits ({@link BatchSettings#rowsPerCall}). Every input of a batch has the same padded length, so no input
 * is padded further because of a neighbour: its result is what it would be alone.
 */
public final class BatchPlan {

    /**
     * @param inputs   positions in the caller's list
     * @param padTo    the padded length of every input of the batch
     * @param groupKey what the inputs have in common besides their length
     */
    public record Batch(List<Integer> inputs, int padTo, String groupKey) {

        public Batch {
            inputs = List.copyOf(inputs);
        }
    }

    private BatchPlan() {}

    /**
     * @param lengths    each input's length in tokens
     * @param groupKeys  each input's group (inputs of different groups never share a call)
     * @param together   false when the model's rows depend on each other: every input then has a
     *                   call of its own, unpadded
     * @param memory     what a call of the model holds, by its shape; fewer rows share a call as it grows
     */
    public static List<Batch> plan(
            int[] lengths, String[] groupKeys, BatchSettings settings, boolean together, CallMemory memory) {
        if (!together) {
            // Alone in every call, so nothing to pad for: the input runs exactly as the reference runs it.
            List<Batch> single = new ArrayList<>();
            for (int i = 0; i < lengths.length; i++) {
                single.add(new Batch(List.of(i), lengths[i], groupKeys[i]));
            }
            return single;
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < lengths.length; i++) {
            String key = groupKeys[i] + "\u0000" + settings.paddedLength(lengths[i]);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Batch> batches = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            int padTo = settings.paddedLength(lengths[group.get(0)]);
            String groupKey = groupKeys[group.get(0)];
            int rows = settings.rowsPerCall(padTo, memory);
            for (int from = 0; from < group.size(); from += rows) {
                batches.add(new Batch(group.subList(from, Math.min(group.size(), from + rows)), padTo, groupKey));
            }
        }
        // Longest first: the slowest calls start while memory is freshest, and similar shapes follow each other.
        batches.sort(Comparator.comparing(Batch::groupKey)
                .thenComparing(Comparator.comparingInt(Batch::padTo).reversed()));
        return batches;
    }
}
