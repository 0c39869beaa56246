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
    public static int[][] generate(Seq2SeqModel model, long[][] inputIds, long[][] attentionMask,
            GenerationConfig config, BeamSearch.LengthConvention convention) {
        int[][] raw = config.getNumBeams() > 1
                ? BeamSearch.generate(model, inputIds, attentionMask, config, convention)
                : GreedySearch.generate(model, inputIds, attentionMask, config);
        int[] eos = config.getEosTokenId() == null ? new int[0] : config.getEosTokenId();
        int pad = config.resolvePadTokenId();
        int[][] out = new int[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = trim(raw[i], eos, pad);
        }
        return out;
    }

    /** {@link #generate(Seq2SeqModel, long[][], long[][], GenerationConfig, BeamSearch.LengthConvention)} with the current (>= 4.36) convention. */
    public static int[][] generate(Seq2SeqModel model, long[][] inputIds, long[][] attentionMask, GenerationConfig config) {
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
