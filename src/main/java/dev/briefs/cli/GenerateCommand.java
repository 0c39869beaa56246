package dev.briefs.cli;

import dev.briefs.model.ModelLoadException;
import dev.briefs.model.Seq2SeqGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "Model folder in the hub's ONNX layout, or the name of a model installed under --models-dir.")
    String model;

    @Option(names = "--models-dir", paramLabel = "DIR", defaultValue = "models", description = "Installed models (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The text; without it (and without --file) lines are read from standard input.")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the input lines from FILE.")
    Path file;

    @Option(names = "--ids", description = "Print the generated token ids instead of the text.")
    boolean ids;

    @Option(names = "--json", description = "Print one JSON object a line: input, text and ids.")
    boolean json;

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
        List<String> lines = inputLines();
        Path dir = modelFolder();
        PrintWriter out = spec.commandLine().getOut();
        try (Seq2SeqGenerator generator = Seq2SeqGenerator.load(dir)) {
            for (String line : lines) {
                // One line a call: padding a batch changes what quantized graphs compute, and a line's
                // output should not depend on its neighbours.
                Seq2SeqGenerator.Result r = generator.generate(List.of(line), overrides).get(0);
                out.println(render(r));
                out.flush();
            }
        } catch (ModelLoadException e) {
            throw new UsageException(e.getMessage());
        }
        return ExitCodes.OK;
    }

    private String render(Seq2SeqGenerator.Result r) {
        String idText = Arrays.stream(r.outputIds()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("input", r.input());
            node.put("text", r.text());
            node.putArray("ids").addAll(Arrays.stream(r.outputIds()).mapToObj(JSON.getNodeFactory()::numberNode).toList());
            return JSON.writeValueAsString(node);
        }
        return ids ? idText : r.text();
    }

    private Path modelFolder() {
        Path asGiven = Path.of(model);
        if (Files.isDirectory(asGiven)) {
            return asGiven;
        }
        if (!model.contains("/") && !model.contains("\\") && Files.isDirectory(modelsDir.resolve(model))) {
            return modelsDir.resolve(model);
        }
        throw new UsageException("model " + model + " not found: give a model folder, or the name of a model installed in "
                + modelsDir + "/ (java -jar target/briefs.jar models fetch NAME)");
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

    @CommandLine.Command(name = "translate", mixinStandardHelpOptions = true,
            description = {"Translate text with a translation model (such as Marian opus-mt) on ONNX Runtime.",
                    "Generation settings default to the model's generation_config.json, as in transformers."})
    static final class Translate extends GenerateCommand {
    }

    @CommandLine.Command(name = "summarise", aliases = "summarize", mixinStandardHelpOptions = true,
            description = {"Summarise text with a summarisation model (BART distilbart-cnn) on ONNX Runtime.",
                    "Generation settings default to the model's generation_config.json, as in transformers."})
    static final class Summarise extends GenerateCommand {
    }
}
