package dev.briefs.cli;

import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.UnknownLanguageException;
import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.log.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code translate} and {@code summarise}: one model over text from the command line, a file or
 * standard input, one output line per input line. For trying a model and for scripts.
 */
abstract class GenerateCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR|NAME",
            description = "Model folder in the hub's ONNX layout, or the name of a model installed under --models-dir.")
    String model;

    @Option(
            names = "--models-dir",
            paramLabel = "DIR",
            defaultValue = "models",
            description = "Installed models (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Parameters(
            arity = "0..1",
            paramLabel = "TEXT",
            description = "The text; without it (and without --file) lines are read from standard input.")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the input lines from FILE.")
    Path file;

    @Option(names = "--ids", description = "Print the generated token ids instead of the text.")
    boolean ids;

    @Option(
            names = "--json",
            description = "Print one JSON object a line: input, input_ids (what the encoder got), text, ids and "
                    + "mean_log_prob (the model's mean log-probability per generated token).")
    boolean json;

    @Option(
            names = "--variant",
            paramLabel = "fp32|quantized|q4",
            description =
                    "Which ONNX graphs of the model folder to load (default: fp32, as the night loads unless its job "
                            + "file sets models.variant); a variant the folder lacks is an error, never replaced by another.")
    String variant;

    @Option(
            names = "--decoder",
            paramLabel = "merged|split",
            description = "Which decoder graphs to load: merged (decoder_model_merged) or split (decoder_model + "
                    + "decoder_with_past_model); default: merged where present, else split.")
    String decoder;

    @Mixin
    GenerationOptions generation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (text != null && file != null) {
            throw new UsageException("give the text or --file, not both");
        }
        Map<String, Object> overrides = generation.overrides();
        OnnxModelOptions options = OnnxModelOptions.defaults()
                .withVariant(VariantOption.orDefault(variant))
                .withLayout(layout());
        List<String> lines = inputLines();
        Path dir = modelFolder();
        PrintWriter out = spec.commandLine().getOut();
        try (Seq2SeqGenerator generator = Seq2SeqGenerator.load(dir, options)) {
            String source = sourceLanguage();
            String target = targetLanguage();
            if (generator.multilingual()) {
                if (source == null || target == null) {
                    throw new UsageException(missingLanguagesMessage());
                }
                generator.checkLanguages(source, target);
            }
            addForcedWords(generator, overrides);
            for (String line : lines) {
                // One line a call: padding a batch changes what quantized graphs compute, and a line's
                // output should not depend on its neighbours.
                Seq2SeqGenerator.Result r = generator.multilingual()
                        ? generator
                                .generate(List.of(line), source, target, overrides)
                                .get(0)
                        : generator.generate(List.of(line), overrides).get(0);
                out.println(render(r));
                out.flush();
            }
        } catch (ModelLoadException | UnknownLanguageException e) {
            throw new UsageException(e.getMessage());
        }
        return ExitCodes.OK;
    }

    /**
     * The words every output must contain ({@code translate --force-word}); none by default. All apply to every
     * input line.
     */
    List<String> forcedWords() {
        return List.of();
    }

    /** Tokenizes the forced words with the model's target side and adds them as {@code force_words_ids}. */
    private void addForcedWords(Seq2SeqGenerator generator, Map<String, Object> overrides) {
        List<String> words = forcedWords();
        if (words.isEmpty()) {
            return;
        }
        try {
            overrides.put("force_words_ids", generator.forcedWords(words).ids());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--force-word: " + e.getMessage());
        }
        int beams = generator.defaultConfig().override(overrides).getNumBeams();
        if (beams <= 1) {
            throw new UsageException("--force-word needs beam search (transformers' constrained beam search refuses"
                    + " num_beams 1), and num_beams is " + beams + " here: give --num-beams 2 or more");
        }
    }

    /** --decoder, or null to let the model folder decide. */
    private DecoderLayout layout() {
        if (decoder == null) {
            return null;
        }
        return switch (decoder.trim().toLowerCase(Locale.ROOT)) {
            case "merged" -> DecoderLayout.MERGED;
            case "split" -> DecoderLayout.SPLIT;
            default -> throw new UsageException("--decoder must be merged or split, is '" + decoder + "'");
        };
    }

    /** The source language for multilingual models; null when the command has none. */
    String sourceLanguage() {
        return null;
    }

    /** The target language for multilingual models; null when the command has none. */
    String targetLanguage() {
        return null;
    }

    String missingLanguagesMessage() {
        return "model " + model + " is multilingual (it translates between many languages): use translate with "
                + "--source-lang and --target-lang";
    }

    private String render(Seq2SeqGenerator.Result r) {
        String idText = Arrays.stream(r.outputIds()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("input", r.input());
            node.putArray("input_ids")
                    .addAll(Arrays.stream(r.inputIds())
                            .mapToObj(JSON.getNodeFactory()::numberNode)
                            .toList());
            node.put("text", r.text());
            node.putArray("ids")
                    .addAll(Arrays.stream(r.outputIds())
                            .mapToObj(JSON.getNodeFactory()::numberNode)
                            .toList());
            if (Double.isNaN(r.meanLogProb())) {
                node.putNull("mean_log_prob");
            } else {
                node.put("mean_log_prob", r.meanLogProb());
            }
            return JSON.writeValueAsString(node);
        }
        return ids ? idText : r.text();
    }

    private Path modelFolder() {
        return modelFolder(model, modelsDir);
    }

    /** A model folder as given, or a model installed under modelsDir by that name. Also used by eval --translate. */
    static Path modelFolder(String model, Path modelsDir) {
        Path asGiven = Path.of(model);
        if (Files.isDirectory(asGiven)) {
            return asGiven;
        }
        if (!model.contains("/") && !model.contains("\\") && Files.isDirectory(modelsDir.resolve(model))) {
            return modelsDir.resolve(model);
        }
        throw new UsageException(
                "model " + model + " not found: give a model folder, or the name of a model installed in " + modelsDir
                        + "/ (" + Invocation.command("models fetch NAME") + ")");
    }

    private List<String> inputLines() throws IOException {
        if (text != null) {
            return text.lines().toList();
        }
        if (file != null) {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UsageException("input file " + file + " does not exist");
            }
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

    @CommandLine.Command(
            name = "translate",
            mixinStandardHelpOptions = true,
            description = {
                "Translate text with a translation model (such as Marian opus-mt, or multilingual NLLB-200) on ONNX Runtime.",
                "Generation settings default to the model's generation_config.json, as in transformers."
            })
    static final class Translate extends GenerateCommand {

        @Option(
                names = "--source-lang",
                paramLabel = "LANG",
                description = "Language of the input (ISO 639-1 such as en, or an NLLB code such as eng_Latn). "
                        + "Required for multilingual models (NLLB); models made for one pair ignore it.")
        String sourceLang;

        @Option(
                names = "--target-lang",
                paramLabel = "LANG",
                description =
                        "Language to translate into (such as uk, or ukr_Cyrl). Required for multilingual models (NLLB).")
        String targetLang;

        @Option(
                names = "--force-word",
                paramLabel = "WORDS",
                description = "A word every translation must contain (constrained beam search, as transformers'"
                        + " force_words_ids; needs --num-beams 2 or more). Repeatable; '|' between accepted forms"
                        + " makes one word of them (--force-word 'Kyiv|Kiev'). Tokenized as the model writes it.")
        List<String> forceWords = new ArrayList<>();

        @Override
        List<String> forcedWords() {
            return forceWords;
        }

        @Override
        String sourceLanguage() {
            return sourceLang;
        }

        @Override
        String targetLanguage() {
            return targetLang;
        }

        @Override
        String missingLanguagesMessage() {
            return "model " + model
                    + " is multilingual: give --source-lang and --target-lang (such as --source-lang en --target-lang uk)";
        }
    }

    @CommandLine.Command(
            name = "summarise",
            aliases = "summarize",
            mixinStandardHelpOptions = true,
            description = {
                "Summarise text with a summarisation model (BART distilbart-cnn) on ONNX Runtime.",
                "Generation settings default to the model's generation_config.json, as in transformers."
            })
    static final class Summarise extends GenerateCommand {}
}
