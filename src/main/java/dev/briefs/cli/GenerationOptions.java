package dev.briefs.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Generation settings as command-line options; each one unset keeps the model's own generation_config.json value. */
final class GenerationOptions {

    @Option(names = "--num-beams", paramLabel = "N", description = "Beam search with N beams.")
    Integer numBeams;

    @Option(names = "--greedy", description = "Greedy search (the same as --num-beams 1).")
    boolean greedy;

    @Option(names = "--max-new-tokens", paramLabel = "N", description = "Generate at most N tokens.")
    Integer maxNewTokens;

    @Option(
            names = "--min-length",
            paramLabel = "N",
            description = "Generate at least N tokens (counting the start token, as transformers does).")
    Integer minLength;

    @Option(
            names = "--min-new-tokens",
            paramLabel = "N",
            description =
                    "Generate at least N tokens after the start token (replaces the model's min_length, as in transformers).")
    Integer minNewTokens;

    @Option(
            names = "--early-stopping",
            paramLabel = "true|false|never",
            description = "When beam search stops: true (as soon as num_beams hypotheses are done), false (when no "
                    + "better one is likely) or never (only when none can be better).")
    String earlyStopping;

    @Option(names = "--no-repeat-ngram-size", paramLabel = "N", description = "Never repeat an n-gram of this size.")
    Integer noRepeatNgramSize;

    @Option(
            names = "--length-penalty",
            paramLabel = "X",
            description = "Beam search length penalty (exponent of the length).")
    Double lengthPenalty;

    @Option(
            names = "--repetition-penalty",
            paramLabel = "X",
            description = "Penalty for tokens already generated (1.0 = none).")
    Double repetitionPenalty;

    /** The options as transformers' generate() keyword arguments. */
    Map<String, Object> overrides() {
        if (greedy && numBeams != null && numBeams != 1) {
            throw new UsageException("--greedy and --num-beams " + numBeams + " contradict each other; give one");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (greedy) {
            kwargs.put("num_beams", 1);
        }
        put(kwargs, "num_beams", numBeams, 1);
        put(kwargs, "max_new_tokens", maxNewTokens, 1);
        put(kwargs, "min_length", minLength, 0);
        put(kwargs, "min_new_tokens", minNewTokens, 0);
        if (earlyStopping != null) {
            String value = earlyStopping.trim().toLowerCase(Locale.ROOT);
            if (!List.of("true", "false", "never").contains(value)) {
                throw new UsageException("--early-stopping must be true, false or never, is '" + earlyStopping + "'");
            }
            kwargs.put("early_stopping", value);
        }
        put(kwargs, "no_repeat_ngram_size", noRepeatNgramSize, 0);
        if (lengthPenalty != null) {
            kwargs.put("length_penalty", lengthPenalty);
        }
        if (repetitionPenalty != null) {
            if (repetitionPenalty <= 0) {
                throw new UsageException("--repetition-penalty must be positive, is " + repetitionPenalty);
            }
            kwargs.put("repetition_penalty", repetitionPenalty);
        }
        return kwargs;
    }

    private static void put(Map<String, Object> kwargs, String name, Integer value, int min) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw new UsageException("--" + name.replace('_', '-') + " must be at least " + min + ", is " + value);
        }
        kwargs.put(name, value);
    }
}
