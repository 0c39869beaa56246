package dev.briefs.generate;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * transformers' beam search ({@code num_beams > 1}, no sampling, one group, one returned
 * sequence), with the semantics of {@code BeamSearchScorer} / {@code BeamHypotheses}:
 *
 * <ul>
 *   <li>logits are turned into log-probabilities (log-softmax, float32) before the processors run;
 *   <li>running beam scores are float32 sums of processed log-probabilities; at the start only the
 *       first beam of each input is live (the others start at -1e9);
 *   <li>per input, the best {@code max(2, 1 + #eos) * num_beams} candidates over all beams are
 *       visited in order: an EOS candidate ranked within the first {@code num_beams} becomes a
 *       finished hypothesis, other EOS candidates are skipped, non-EOS ones fill the next beams;
 *   <li>an input is done per {@link BeamHypotheses#isDone}; the search stops when all inputs are
 *       done or {@code max_length} is reached, and open beams are then added as hypotheses.
 * </ul>
 */
public final class BeamSearch {

    /**
     * The length in the length penalty, which changed in transformers 4.36 (PR #27351). They differ
     * only for hypotheses that hit {@code max_length} without EOS and for {@code
     * early_stopping="never"}.
     */
    public enum LengthConvention {
        /** transformers < 4.36: total decoder length (start token included). */
        LEGACY,
        /** transformers >= 4.36: generated length, decoder prompt (start token) excluded. */
        GENERATED;

        /** Picks the convention of a transformers version string like "4.46.3"; null: GENERATED. */
        public static LengthConvention forTransformersVersion(String version) {
            if (version == null || version.isBlank()) {
                return GENERATED;
            }
            String[] p = version.trim().split("[.]");
            try {
                int major = Integer.parseInt(p[0]);
                int minor = p.length > 1 ? Integer.parseInt(p[1].replaceAll("\\D.*", "")) : 0;
                return major < 4 || (major == 4 && minor < 36) ? LEGACY : GENERATED;
            } catch (NumberFormatException e) {
                return GENERATED;
            }
        }
    }

    private BeamSearch() {}

    public static int[][] generate(Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
        return generate(model, inputIds, attentionMask, config, LengthConvention.GENERATED);
    }

    /**
     * @return per input, the best hypothesis: decoder start token, generated tokens and the EOS
     *     when the hypothesis ended with one (no padding)
     */
    public static int[][] generate(Seq2SeqModel model, long[][] inputIds, long[][] attentionMask,
            GenerationConfig config, LengthConvention convention) {
        config.validate();
        final int batch = inputIds.length;
        final int nb = config.getNumBeams();
        final int rows = batch * nb;
        final int start = config.resolveDecoderStartTokenId();
        final int pad = config.resolvePadTokenId();
        final int promptLen = 1;
        final int maxLength = config.effectiveMaxLength(promptLen);
        final int[] eos = config.getEosTokenId() == null ? new int[0] : config.getEosTokenId();
        LogitsProcessor processors = LogitsProcessorList.fromConfig(config, maxLength, promptLen);
        double neverLen = convention == LengthConvention.LEGACY ? maxLength : maxLength - promptLen;

        BeamHypotheses[] hyps = new BeamHypotheses[batch];
        boolean[] done = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            hyps[b] = new BeamHypotheses(nb, config.getLengthPenalty(), config.getEarlyStopping(), neverLen);
        }
        float[] beamScores = new float[rows];
        for (int r = 0; r < rows; r++) {
            beamScores[r] = r % nb == 0 ? 0f : -1e9f;
        }
        int[][] seqs = new int[rows][];
        for (int r = 0; r < rows; r++) {
            seqs[r] = new int[] {start};
        }
        if (batch == 0) {
            return new int[0][];
        }
        int curLen = promptLen;
        int keep = Math.max(2, 1 + eos.length) * nb;

        if (curLen < maxLength) {
            try (Seq2SeqModel.DecoderSession session = model.startDecoding(inputIds, attentionMask, nb)) {
                int[] last = new int[rows];
                Arrays.fill(last, start);
                while (true) {
                    float[][] scores = session.step(last);
                    // Rows are independent until the processors, so the exponentials (most of the
                    // search's own time with a 60k vocabulary) are spread over the cores.
                    IntStream.range(0, rows).parallel().forEach(r -> logSoftmaxInPlace(scores[r]));
                    processors.process(seqs, scores);
                    int vocab = scores[0].length;
                    final float[] scoresBefore = beamScores;
                    int[][] candidates = new int[batch][];
                    IntStream.range(0, batch).parallel().filter(b -> !done[b])
                            .forEach(b -> candidates[b] = topK(scores, scoresBefore, b * nb, nb, vocab, keep));
                    float[] nextScores = new float[rows];
                    int[] nextTokens = new int[rows];
                    int[] nextIndices = new int[rows];
                    for (int b = 0; b < batch; b++) {
                        if (done[b]) {
                            // transformers points these rows at row 0; they are never read again, so
                            // keep them on their own rows and spare the cache a cross-input reorder
                            for (int k = 0; k < nb; k++) {
                                nextScores[b * nb + k] = 0f;
                                nextTokens[b * nb + k] = pad;
                                nextIndices[b * nb + k] = b * nb + k;
                            }
                            continue;
                        }
                        int[] cand = candidates[b];
                        int beamIdx = 0;
                        for (int rank = 0; rank < cand.length; rank++) {
                            int flat = cand[rank];
                            int srcRow = b * nb + flat / vocab;
                            int token = flat % vocab;
                            float score = scores[srcRow][token] + scoresBefore[srcRow];
                            if (contains(eos, token)) {
                                if (rank >= nb) {
                                    continue;
                                }
                                hyps[b].add(seqs[srcRow].clone(), score, curLen, true);
                            } else {
                                nextScores[b * nb + beamIdx] = score;
                                nextTokens[b * nb + beamIdx] = token;
                                nextIndices[b * nb + beamIdx] = srcRow;
                                beamIdx++;
                            }
                            if (beamIdx == nb) {
                                break;
                            }
                        }
                        if (beamIdx < nb) {
                            throw new IllegalStateException("At most " + nb + " candidates can be EOS");
                        }
                        // max over all kept candidates (torch: next_scores[batch_idx].max())
                        float maxCand = Float.NEGATIVE_INFINITY;
                        for (int flat : cand) {
                            int row = b * nb + flat / vocab;
                            maxCand = Math.max(maxCand, scores[row][flat % vocab] + scoresBefore[row]);
                        }
                        done[b] = done[b] || hyps[b].isDone(maxCand, curLen);
                    }
                    // input_ids = cat(input_ids[beam_idx], next_tokens)
                    int[][] newSeqs = new int[rows][];
                    for (int r = 0; r < rows; r++) {
                        int[] src = seqs[nextIndices[r]];
                        int[] s = Arrays.copyOf(src, src.length + 1);
                        s[src.length] = nextTokens[r];
                        newSeqs[r] = s;
                    }
                    seqs = newSeqs;
                    beamScores = nextScores;
                    curLen++;
                    boolean allDone = true;
                    for (boolean d : done) {
                        allDone &= d;
                    }
                    if (allDone || curLen >= maxLength) {
                        break;
                    }
                    session.reorder(nextIndices);
                    last = nextTokens;
                }
            }
        }

        // finalize
        int[][] out = new int[batch][];
        for (int b = 0; b < batch; b++) {
            if (!done[b]) {
                for (int k = 0; k < nb; k++) {
                    int r = b * nb + k;
                    int len = seqs[r].length;
                    int generatedLen = convention == LengthConvention.LEGACY ? len : len - promptLen;
                    hyps[b].add(seqs[r], beamScores[r], generatedLen, false);
                }
            }
            BeamHypotheses.Hypothesis h = hyps[b].best();
            int[] t = h.tokens();
            if (h.endsWithEos() && t.length < maxLength && eos.length > 0) {
                t = Arrays.copyOf(t, t.length + 1);
                t[t.length - 1] = eos[0];
            }
            out[b] = t;
        }
        return out;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * log_softmax over a row in float32 results (max-shifted; the sum of exponentials is
     * accumulated in double).
     */
    static void logSoftmaxInPlace(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            if (v > max) {
                max = v;
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return; // all -inf: stays -inf (torch gives NaN; never happens with real logits)
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp((double) v - max);
        }
        float lse = (float) Math.log(sum);
        for (int i = 0; i < row.length; i++) {
            row[i] = (row[i] - max) - lse;
        }
    }

    /**
     * Indices (flattened beam * vocab + token) of the {@code k} largest beam scores (log-probability
     * plus the row's running score, added in float32 as transformers adds them) among rows
     * [firstRow, firstRow + nb), largest first; equal scores by ascending index.
     */
    static int[] topK(float[][] scores, float[] beamScores, int firstRow, int nb, int vocab, int k) {
        k = Math.min(k, nb * vocab);
        int[] idx = new int[k];
        float[] val = new float[k];
        int size = 0;
        for (int beam = 0; beam < nb; beam++) {
            float[] row = scores[firstRow + beam];
            float bs = beamScores[firstRow + beam];
            int base = beam * vocab;
            for (int t = 0; t < vocab; t++) {
                float v = row[t] + bs;
                if (size == k) {
                    // smallest kept is at the end; skip unless strictly better
                    if (!(v > val[k - 1])) {
                        continue;
                    }
                    size--;
                }
                // insertion (stable: after equal values, which have lower indices)
                int pos = size;
                while (pos > 0 && v > val[pos - 1]) {
                    val[pos] = val[pos - 1];
                    idx[pos] = idx[pos - 1];
                    pos--;
                }
                val[pos] = v;
                idx[pos] = base + t;
                size++;
            }
        }
        return size == k ? idx : Arrays.copyOf(idx, size);
    }
}
