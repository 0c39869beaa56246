package dev.briefs.generate;

import java.util.Arrays;

/** Entry point of the engine: picks greedy or beam search from the config. Token ids in, token ids out. */
public final class Generation {

    private Generation() {}

    /**
     * Generates one sequence per input row.
     *
     * @param model the model
     * @param inputIds [batch][seq] padded token ids
     * @param attentionMask [batch][seq], 1 for tokens, 0 for padding
     * @param config resolved settings (see {@link GenerationConfig#copy()}, {@link
     *     GenerationConfig#override})
     * @param convention the beam-search length convention of the transformers version to match
     * @return per row, the decoder start token followed by the generated tokens, cut right after
     *     the first EOS, without padding
     */
    public static int[][] generate(
            Seq2SeqModel model,
            long[][] inputIds,
            long[][] attentionMask,
            GenerationConfig config,
            BeamSearch.LengthConvention convention) {
        ScoredSequence[] scored = generateScored(model, inputIds, attentionMask, config, convention);
        int[][] out = new int[scored.length][];
        for (int i = 0; i < scored.length; i++) {
            out[i] = scored[i].tokens();
        }
        return out;
    }

    /**
     * As {@link #generate(Seq2SeqModel, long[][], long[][], GenerationConfig, BeamSearch.LengthConvention)},
     * the same tokens, each row with the search's score of each generated token and their mean,
     * the model's mean log-probability per generated token (see {@link ScoredSequence}).
     */
    public static ScoredSequence[] generateScored(
            Seq2SeqModel model,
            long[][] inputIds,
            long[][] attentionMask,
            GenerationConfig config,
            BeamSearch.LengthConvention convention) {
        ScoredSequence[] raw = config.getNumBeams() > 1
                ? BeamSearch.search(model, inputIds, attentionMask, config, convention)
                : GreedySearch.search(model, inputIds, attentionMask, config);
        int[] eos = config.getEosTokenId() == null ? new int[0] : config.getEosTokenId();
        int pad = config.resolvePadTokenId();
        ScoredSequence[] out = new ScoredSequence[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int[] tokens = trim(raw[i].tokens(), eos, pad);
            out[i] = new ScoredSequence(tokens, Arrays.copyOf(raw[i].tokenScores(), tokens.length - 1));
        }
        return out;
    }

    /** {@link #generateScored(Seq2SeqModel, long[][], long[][], GenerationConfig, BeamSearch.LengthConvention)} with the current (>= 4.36) convention. */
    public static ScoredSequence[] generateScored(
            Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
        return generateScored(model, inputIds, attentionMask, config, BeamSearch.LengthConvention.GENERATED);
    }

    /** {@link #generate(Seq2SeqModel, long[][], long[][], GenerationConfig, BeamSearch.LengthConvention)} with the current (>= 4.36) convention. */
    public static int[][] generate(
            Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
        return generate(model, inputIds, attentionMask, config, BeamSearch.LengthConvention.GENERATED);
    }

    /**
     * Cuts a sequence right after its first EOS (position 0, the decoder start token, excluded), or
     * else drops trailing pad tokens (never position 0).
     */
    public static int[] trim(int[] seq, int[] eos, int pad) {
        for (int i = 1; i < seq.length; i++) {
            for (int e : eos) {
                if (seq[i] == e) {
                    return Arrays.copyOf(seq, i + 1);
                }
            }
        }
        int end = seq.length;
        while (end > 1 && seq[end - 1] == pad) {
            end--;
        }
        return Arrays.copyOf(seq, end);
    }
}
