package dev.briefs.inference.onnx;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Beam search's reorder of a cache tensor, {@code row[i] = row[source[i]]}, done in the tensor's
 * own memory. A beam usually keeps its row, so only the rows that change are written; a row that
 * is read by another and is itself overwritten is saved first.
 */
final class RowGather {

    private RowGather() {}

    /**
     * @param data   rows of {@code perRow} floats, one after the other
     * @param source for each row, the row it takes its values from
     */
    static void inPlace(FloatBuffer data, int[] source, int perRow) {
        Map<Integer, float[]> saved = new HashMap<>();
        for (int r = 0; r < source.length; r++) {
            int from = source[r];
            if (from != r && source[from] != from && !saved.containsKey(from)) {
                float[] copy = new float[perRow];
                data.get(from * perRow, copy);
                saved.put(from, copy);
            }
        }
        for (int r = 0; r < source.length; r++) {
            int from = source[r];
            if (from == r) {
                continue;
            }
            float[] copy = saved.get(from);
            if (copy != null) {
                data.put(r * perRow, copy);
            } else {
                data.put(r * perRow, data, from * perRow, perRow);
            }
        }
    }
}
