package dev.briefs.model;

import dev.briefs.optimum.Variant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which files of a hub repo {@code models fetch} takes for a variant: the file sets of an Optimum/transformers.js export. */
public final class VariantFiles {

    /** Config and tokenizer files of an Optimum/transformers.js repo, taken when present. */
    public static final List<String> CONFIG_FILES = List.of(
            "config.json",
            "generation_config.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "special_tokens_map.json",
            "preprocessor_config.json",
            "vocab.json",
            "vocab.txt",
            "merges.txt",
            "source.spm",
            "target.spm",
            "sentencepiece.bpe.model",
            "spiece.model");

    /** The config files of a Marian/BART/NLLB (encoder-decoder) export. */
    public static final List<String> SEQ2SEQ_CONFIG_FILES = List.of(
            "config.json",
            "generation_config.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "special_tokens_map.json");

    private VariantFiles() {}

    /** The standard file set of an encoder-decoder model (Marian, BART, NLLB) in a variant. */
    public static List<String> seq2seq(Variant variant) {
        List<String> files = new ArrayList<>(SEQ2SEQ_CONFIG_FILES);
        files.add(variant.onnxFile("encoder_model"));
        files.add(variant.onnxFile("decoder_model_merged"));
        return files;
    }

    /**
     * The files to fetch for a repo that has no catalog entry, chosen from its listing: the config and
     * tokenizer files present, plus encoder + merged decoder (seq2seq), else {@code onnx/model*.onnx},
     * else every ONNX file of the variant; external-data files ({@code X.onnx_data}) come along. Empty
     * when the repo has no graph of the variant.
     */
    public static List<String> selectFrom(Variant variant, Set<String> listing) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : CONFIG_FILES) {
            if (listing.contains(f)) {
                out.add(f);
            }
        }
        List<String> onnx = new ArrayList<>();
        String enc = variant.onnxFile("encoder_model");
        String dec = variant.onnxFile("decoder_model_merged");
        String single = variant.onnxFile("model");
        if (listing.contains(enc) && listing.contains(dec)) {
            onnx.add(enc);
            onnx.add(dec);
        } else if (listing.contains(single)) {
            onnx.add(single);
        } else {
            listing.stream().filter(variant::matchesOnnx).sorted().forEach(onnx::add);
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
