package dev.briefs.generate;

import java.util.Arrays;

/**
 * transformers' beam search ({@code _beam_search}: {@code num_beams > 1}, no sampling, one group, one
 * returned sequence), the search loop around {@link BeamSearchScorer}:
 *
 * <ul>
 *   <li>logits are turned into log-probabilities ({@link TorchLogSoftmax}) before the processors run;
 *   <li>running beam scores are float32 sums of processed log-probabilities; at the start only the
 *       first beam of each input is live (the others start at -1e9);
 *   <li>per input, the best {@code max(2, 1 + #eos) * num_beams} candidates over all beams are
 *       ranked as torch.topk ranks them ({@link TorchTopK}, ties included) and handed to the scorer;
 *   <li>the search stops when the scorer has every input done or {@code max_length} is reached,
 *       and the scorer's finalize picks each input's best hypothesis.
 * </ul>
 *
 * With {@code force_words_ids} set it is transformers' {@code _constrained_beam_search}: the same loop (whose
 * only difference in 4.46.3 is what {@code output_scores} records) with {@link ConstrainedBeamSearchScorer}.
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

    public static int[][] generate(
            Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
        return generate(model, inputIds, attentionMask, config, LengthConvention.GENERATED);
    }

    /**
     * @return per input, the best hypothesis: decoder start token, generated tokens and the EOS
     *     when the hypothesis ended with one (no padding)
     */
    public static int[][] generate(
            Seq2SeqModel model,
            long[][] inputIds,
            long[][] attentionMask,
            GenerationConfig config,
            LengthConvention convention) {
        ScoredSequence[] scored = search(model, inputIds, attentionMask, config, convention);
        int[][] out = new int[scored.length][];
        for (int b = 0; b < scored.length; b++) {
            out[b] = scored[b].tokens();
        }
        return out;
    }

    /**
     * As {@link #generate}, each best hypothesis with the processed log-probabilities of its tokens
     * along its path (see {@link ScoredSequence}).
     */
    static ScoredSequence[] search(
            Seq2SeqModel model,
            long[][] inputIds,
            long[][] attentionMask,
            GenerationConfig config,
            LengthConvention convention) {
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

        ForceWords forceWords = config.forceWords();
        BeamScorer.Settings settings =
                new BeamScorer.Settings(nb, config.getLengthPenalty(), config.getEarlyStopping(), neverLen, eos, pad);
        BeamScorer scorer = forceWords == null
                ? new BeamSearchScorer(batch, settings)
                : new ConstrainedBeamSearchScorer(batch, settings, forceWords.constraints());
        float[] beamScores = new float[rows];
        for (int r = 0; r < rows; r++) {
            beamScores[r] = r % nb == 0 ? 0f : -1e9f;
        }
        int[][] seqs = new int[rows][];
        // per row, the processed log-probability of each generated token, reordered with the beams
        float[][] paths = new float[rows][];
        for (int r = 0; r < rows; r++) {
            seqs[r] = new int[] {start};
            paths[r] = new float[0];
        }
        if (batch == 0) {
            return new ScoredSequence[0];
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
                    RowLoops.rows(rows, model.searchThreads()).forEach(r -> TorchLogSoftmax.inPlace(scores[r]));
                    processors.process(seqs, scores);
                    int vocab = scores[0].length;
                    final float[] scoresBefore = beamScores;
                    float[][] candScores = new float[batch][];
                    float[][] candTokenScores = new float[batch][];
                    int[][] candTokens = new int[batch][];
                    int[][] candRows = new int[batch][];
                    RowLoops.rows(batch, model.searchThreads())
                            .filter(b -> !scorer.isDone(b))
                            .forEach(b -> {
                                int[] flat = topK(scores, scoresBefore, b * nb, nb, vocab, keep);
                                candScores[b] = new float[flat.length];
                                candTokenScores[b] = new float[flat.length];
                                candTokens[b] = new int[flat.length];
                                candRows[b] = new int[flat.length];
                                for (int i = 0; i < flat.length; i++) {
                                    int row = b * nb + flat[i] / vocab;
                                    candTokens[b][i] = flat[i] % vocab;
                                    candRows[b][i] = row;
                                    candTokenScores[b][i] = scores[row][candTokens[b][i]];
                                    candScores[b][i] = candTokenScores[b][i] + scoresBefore[row];
                                }
                            });
                    BeamScorer.Candidates ranked =
                            new BeamScorer.Candidates(candScores, candTokenScores, candTokens, candRows);
                    BeamScorer.Step next = scorer.process(seqs, paths, ranked, scores, scoresBefore, curLen);
                    // input_ids = cat(input_ids[beam_idx], next_tokens)
                    int[][] newSeqs = new int[rows][];
                    float[][] newPaths = new float[rows][];
                    for (int r = 0; r < rows; r++) {
                        int[] src = seqs[next.sourceRows()[r]];
                        int[] s = Arrays.copyOf(src, src.length + 1);
                        s[src.length] = next.tokens()[r];
                        newSeqs[r] = s;
                        newPaths[r] = AbstractBeamScorer.append(paths[next.sourceRows()[r]], next.tokenScores()[r]);
                    }
                    seqs = newSeqs;
                    paths = newPaths;
                    beamScores = next.scores();
                    curLen++;
                    if (scorer.allDone() || curLen >= maxLength) {
                        break;
                    }
                    session.reorder(next.sourceRows());
                    last = next.tokens();
                }
            }
        }

        int[] generatedLength = new int[rows];
        for (int r = 0; r < rows; r++) {
            generatedLength[r] = convention == LengthConvention.LEGACY ? seqs[r].length : seqs[r].length - promptLen;
        }
        return scorer.finalizeBest(seqs, paths, beamScores, generatedLength, maxLength);
    }

    /**
     * Indices (flattened beam * vocab + token) of the {@code k} largest beam scores (log-probability
     * plus the row's running score, added in float32 as transformers adds them) among rows
     * [firstRow, firstRow + nb), in torch.topk's order over the flattened (num_beams * vocab) row,
     * which decides the order of equal scores (see {@link TorchTopK}). Where torch takes its
     * partial_sort path (k * 64 at most the flattened length: every real vocabulary) the sums are
     * streamed through the heap rather than copied into a new num_beams * vocab array per input.
     */
    static int[] topK(float[][] scores, float[] beamScores, int firstRow, int nb, int vocab, int k) {
        return TorchTopK.topKOfSums(scores, beamScores, firstRow, nb, Math.min(k, nb * vocab));
    }
}
