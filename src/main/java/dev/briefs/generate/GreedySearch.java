package dev.briefs.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * transformers' greedy search ({@code num_beams == 1}, no sampling): processors run on the raw
 * logits, the first maximal id wins, finished rows are fed the pad id until every row is done.
 */
public final class GreedySearch {

    private GreedySearch() {}

    /**
     * @return one sequence per input row: the decoder start token followed by the generated tokens,
     *     rows that finished early padded with the pad id to the common length (as transformers
     *     returns them; see {@link Generation#trim})
     */
    public static int[][] generate(
            Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
        ScoredSequence[] scored = search(model, inputIds, attentionMask, config);
        int[][] out = new int[scored.length][];
        for (int r = 0; r < scored.length; r++) {
            out[r] = scored[r].tokens();
        }
        return out;
    }

    /**
     * As {@link #generate}, each row with its tokens' scores: the log-softmax of the processed
     * logits at the chosen token (see {@link ScoredSequence}); NaN for the pad ids fed to a row
     * after it finished.
     */
    static ScoredSequence[] search(
            Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
        config.validate();
        int batch = inputIds.length;
        int start = config.resolveDecoderStartTokenId();
        int pad = config.resolvePadTokenId();
        int maxLength = config.effectiveMaxLength(1);
        LogitsProcessor processors = LogitsProcessorList.fromConfig(config, maxLength, 1);
        int[] eos = config.getEosTokenId();
        StoppingCriteria stop = eos != null && eos.length > 0
                ? StoppingCriteria.any(StoppingCriteria.maxLength(maxLength), StoppingCriteria.eos(eos))
                : StoppingCriteria.maxLength(maxLength);

        List<int[]> columns = new ArrayList<>();
        List<float[]> scoreColumns = new ArrayList<>();
        int[] first = new int[batch];
        Arrays.fill(first, start);
        columns.add(first);
        if (batch == 0 || maxLength <= 1) {
            return scored(columns, scoreColumns, batch);
        }
        boolean[] unfinished = new boolean[batch];
        Arrays.fill(unfinished, true);
        try (Seq2SeqModel.DecoderSession session = model.startDecoding(inputIds, attentionMask, 1)) {
            int[] last = first;
            while (true) {
                float[][] logits = session.step(last);
                int[][] ids = toRows(columns, batch);
                processors.process(ids, logits);
                int[] next = new int[batch];
                float[] scores = new float[batch];
                // the score costs a pass of exponentials over the vocabulary, so rows share the cores
                boolean[] open = unfinished.clone();
                RowLoops.rows(batch, model.searchThreads()).forEach(r -> {
                    next[r] = open[r] ? argmax(logits[r]) : pad;
                    scores[r] = open[r] ? TorchLogSoftmax.atArgmax(logits[r], next[r]) : Float.NaN;
                });
                columns.add(next);
                scoreColumns.add(scores);
                ids = toRows(columns, batch);
                boolean[] done = stop.isDone(ids);
                boolean any = false;
                for (int r = 0; r < batch; r++) {
                    unfinished[r] &= !done[r];
                    any |= unfinished[r];
                }
                if (!any) {
                    return scored(columns, scoreColumns, batch);
                }
                last = next;
            }
        }
    }

    private static ScoredSequence[] scored(List<int[]> columns, List<float[]> scoreColumns, int batch) {
        int[][] ids = toRows(columns, batch);
        ScoredSequence[] out = new ScoredSequence[batch];
        for (int r = 0; r < batch; r++) {
            float[] scores = new float[scoreColumns.size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = scoreColumns.get(c)[r];
            }
            out[r] = new ScoredSequence(ids[r], scores);
        }
        return out;
    }

    /** Index of the first maximal value (torch.argmax). NaN counts as maximal, like torch. */
    static int argmax(float[] row) {
        int best = 0;
        float bestVal = row[0];
        if (Float.isNaN(bestVal)) {
            return 0;
        }
        for (int i = 1; i < row.length; i++) {
            float v = row[i];
            if (Float.isNaN(v)) {
                return i;
            }
            if (v > bestVal) {
                bestVal = v;
                best = i;
            }
        }
        return best;
    }

    static int[][] toRows(List<int[]> columns, int rows) {
        int[][] out = new int[rows][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int[] col = columns.get(c);
            for (int r = 0; r < rows; r++) {
                out[r][c] = col[r];
            }
        }
        return out;
    }
}
