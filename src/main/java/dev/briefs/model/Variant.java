package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which ONNX export of an Optimum-layout repo: {@code onnx/encoder_model_quantized.onnx} (quantized),
 * {@code onnx/encoder_model.onnx} (fp32) or {@code onnx/encoder_model_fp16.onnx} (fp16).
 */
public enum Variant {
    QUANTIZED("_quantized"), FP32(""), FP16("_fp16");

    /** Config and tokenizer files of an Optimum/transformers.js repo, taken when present. */
    public static final List<String> CONFIG_FILES = List.of(
            "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "preprocessor_config.json", "vocab.json", "vocab.txt", "merges.txt",
            "source.spm", "target.spm", "sentencepiece.bpe.model", "spiece.model");

    /** The file set of a Marian/BART/NLLB (encoder-decoder) export. */
    public static final List<String> SEQ2SEQ_CONFIG_FILES = List.of(
            "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json");

    private static final List<String> KNOWN_SUFFIXES = List.of(
            "_quantized", "_fp16", "_int8", "_uint8", "_q4", "_q4f16", "_bnb4");

    private final String suffix;

    Variant(String suffix) {
        this.suffix = suffix;
    }

    public static Variant parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ModelException.user("unknown variant '" + s + "' (expected quantized, fp32 or fp16)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code onnx/BASE{suffix}.onnx}. */
    public String onnxFile(String base) {
        return "onnx/" + base + suffix + ".onnx";
    }

    /** The standard file set of an encoder-decoder model (Marian, BART, NLLB) in this variant. */
    public List<String> seq2seqFiles() {
        List<String> files = new ArrayList<>(SEQ2SEQ_CONFIG_FILES);
        files.add(onnxFile("encoder_model"));
        files.add(onnxFile("decoder_model_merged"));
        return files;
    }

    /** The same graph in another variant: {@code onnx/encoder_model_quantized.onnx} to {@code onnx/encoder_model.onnx}. */
    public String convert(String path, Variant to) {
        if (!matchesOnnx(path)) {
            return path;
        }
        String base = path.substring(5, path.length() - 5);
        return to.onnxFile(base.substring(0, base.length() - suffix.length()));
    }

    /** Whether {@code onnx/X.onnx} belongs to this variant. */
    public boolean matchesOnnx(String path) {
        if (!path.startsWith("onnx/") || !path.endsWith(".onnx") || path.indexOf('/', 5) >= 0) {
            return false;
        }
        String base = path.substring(5, path.length() - 5);
        if (!suffix.isEmpty()) {
            return base.endsWith(suffix);
        }
        return KNOWN_SUFFIXES.stream().noneMatch(base::endsWith);
    }

    /**
     * The files to fetch for a repo that has no catalog entry, chosen from its listing: the config and
     * tokenizer files present, plus encoder + merged decoder (seq2seq), else {@code onnx/model*.onnx},
     * else every ONNX file of the variant; external-data files ({@code X.onnx_data}) come along.
     */
    public List<String> selectFrom(Set<String> listing) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : CONFIG_FILES) {
            if (listing.contains(f)) {
                out.add(f);
            }
        }
        List<String> onnx = new ArrayList<>();
        String enc = onnxFile("encoder_model");
        String dec = onnxFile("decoder_model_merged");
        String single = onnxFile("model");
        if (listing.contains(enc) && listing.contains(dec)) {
            onnx.add(enc);
            onnx.add(dec);
        } else if (listing.contains(single)) {
            onnx.add(single);
        } else {
            listing.stream().filter(this::matchesOnnx).sorted().forEach(onnx::add);
        }
        for (String f : onnx) {
            out.add(f);
            for (String data : List.of(f + "_data", f + ".data", f.substring(0, f.length() - 5) + ".onnx_data")) {
                if (listing.contains(data)) {
                    out.add(data);
                }
            }
        }
        if (onnx.isEmpty()) {
            return List.of();
        }
        return List.copyOf(out);
    }
}
