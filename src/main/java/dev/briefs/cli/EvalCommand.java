package dev.briefs.cli;

import dev.briefs.eval.EvalInputException;
import dev.briefs.eval.EvalMetric;
import dev.briefs.eval.EvalScore;
import dev.briefs.eval.RougeTokenizer;
import dev.briefs.eval.SegmentFiles;
import dev.briefs.inference.onnx.OnnxModelOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code briefs eval}: BLEU, chrF and chrF++ for translations, ROUGE for summaries, as sacrebleu and rouge-score compute them. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Score hypotheses against references: BLEU, chrF, chrF++ (as sacrebleu " + EvalMetric.SACREBLEU_VERSION
                    + " with its defaults)",
            "and ROUGE-1/2/L (as rouge-score " + EvalMetric.ROUGE_SCORE_VERSION
                    + " without stemming: the mean F-measure over lines).",
            "",
            "Give one of:",
            "  --hypotheses FILE --references FILE   one segment a line in each",
            "  --briefs DIR --language LANG --references FILE.jsonl   a day's briefs, references keyed by article id",
            "  --translate MODEL [--source FILE --references FILE]   translate a test set (default: the WMT22 one",
            "                                                         of --pair in --corpus) and score the output"
        },
        footer = {"", "Exit status: 0 scored, 2 usage error (a missing file, line counts that differ), 1 failed."})
final class EvalCommand implements Callable<Integer> {

    private static final List<EvalMetric> TRANSLATION_METRICS =
            List.of(EvalMetric.BLEU, EvalMetric.CHRF, EvalMetric.CHRF_PLUS_PLUS);

    @Option(
            names = "--metric",
            split = ",",
            paramLabel = "METRIC",
            description =
                    "bleu, chrf, chrf++, rouge1, rouge2 or rougeL; several with commas. Default with --translate: bleu,chrf,chrf++.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--hypotheses", paramLabel = "FILE", description = "The system's output, one segment a line.")
    Path hypotheses;

    @Option(
            names = "--references",
            paramLabel = "FILE",
            description =
                    "The references: one a line, line-aligned with the hypotheses (or the source); with --briefs, "
                            + "JSON Lines of {\"id\": ARTICLE_ID, \"reference\": TEXT}.")
    Path references;

    @Option(
            names = "--json",
            description =
                    "One JSON object a metric: the score with 4 decimals, its details, and for ROUGE each line's F-measure.")
    boolean json;

    @Option(
            names = "--rouge-tokenizer",
            paramLabel = "rouge-score|unicode",
            defaultValue = "rouge-score",
            description =
                    "rouge-score (default, its own tokenizer: only a-z and 0-9 count, so Cyrillic text has no words) or "
                            + "unicode (not rouge-score's: letters and digits of every script count).")
    String rougeTokenizer;

    @Option(
            names = "--briefs",
            paramLabel = "DIR",
            description = "Score the briefs in a day's output folder (with --language).")
    Path briefs;

    @Option(
            names = "--language",
            paramLabel = "LANG",
            description = "Which language of the briefs to score (such as uk, en).")
    String language;

    @Option(
            names = "--translate",
            paramLabel = "DIR|NAME",
            description =
                    "Translate with this model (a folder, or a model installed under --models-dir) and score the output.")
    String translate;

    @Option(
            names = "--source",
            paramLabel = "FILE",
            description = "With --translate: the text to translate, one segment a line.")
    Path source;

    @Option(
            names = "--pair",
            paramLabel = "SRC-TGT",
            defaultValue = "en-uk",
            description =
                    "With --translate: the language pair (default ${DEFAULT-VALUE}); picks the WMT22 test set in --corpus, "
                            + "and the languages of a multilingual model.")
    String pair;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            defaultValue = "../shared/corpus",
            description =
                    "With --translate and no --source: where wmt22-SRC-TGT.src.SRC and .ref.TGT are (default ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "With --translate: write the translations here, one a line.")
    Path output;

    @Option(
            names = "--models-dir",
            paramLabel = "DIR",
            defaultValue = "models",
            description = "Installed models (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(
            names = "--variant",
            paramLabel = "fp32|quantized|q4",
            description = "With --translate: which ONNX graphs to load (default: fp32), as translate does.")
    String variant;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<EvalMetric> chosen = chosenMetrics();
        RougeTokenizer tokenizer = RougeTokenizer.named(rougeTokenizer);
        if (tokenizer == null) {
            throw new UsageException("--rouge-tokenizer must be rouge-score or unicode, is '" + rougeTokenizer + "'");
        }
        try {
            Inputs in = inputs();
            PrintWriter out = spec.commandLine().getOut();
            for (EvalMetric m : chosen) {
                EvalScore score = m.score(in.hypotheses(), in.references(), tokenizer);
                out.println(json ? EvalJson.line(score, in.describe()) : score.line());
            }
            out.flush();
        } catch (EvalInputException e) {
            throw new UsageException(e.getMessage());
        }
        return ExitCodes.OK;
    }

    /** The hypotheses and references to score, with where they came from (for --json). */
    record Inputs(List<String> hypotheses, List<String> references, Map<String, Object> describe) {}

    private Inputs inputs() throws IOException {
        int modes = (hypotheses != null ? 1 : 0) + (briefs != null ? 1 : 0) + (translate != null ? 1 : 0);
        if (modes != 1) {
            throw new UsageException("give one of --hypotheses FILE, --briefs DIR or --translate MODEL");
        }
        if (translate == null && (source != null || output != null || variant != null)) {
            throw new UsageException("--source, --output and --variant go with --translate");
        }
        if (briefs == null && language != null) {
            throw new UsageException("--language goes with --briefs");
        }
        if (translate != null) {
            return translated();
        }
        if (references == null) {
            throw new UsageException("give --references FILE");
        }
        if (briefs != null) {
            return fromBriefs();
        }
        List<String> hyps = SegmentFiles.read(hypotheses, "hypotheses");
        List<String> refs = SegmentFiles.read(references, "references");
        requirePaired(hypotheses, hyps, references, refs);
        return new Inputs(
                hyps,
                refs,
                ordered(
                        "hypotheses",
                        hypotheses.toString(),
                        "references",
                        references.toString(),
                        "lines",
                        hyps.size()));
    }

    private Inputs fromBriefs() throws IOException {
        if (language == null || language.isBlank()) {
            throw new UsageException(
                    "--briefs needs --language (such as uk or en): which language of the briefs to score");
        }
        BriefReferences pairs = BriefReferences.pair(briefs, language, references);
        PrintWriter err = spec.commandLine().getErr();
        if (!pairs.missing().isEmpty()) {
            err.println(pairs.missing().size() + " of " + pairs.ids().size() + " references have no " + language
                    + " brief (scored as empty): " + String.join(", ", pairs.missing()));
        }
        if (!pairs.unreferenced().isEmpty()) {
            err.println(pairs.unreferenced().size() + " briefs have no reference and are not scored: "
                    + String.join(", ", pairs.unreferenced()));
        }
        err.flush();
        return new Inputs(
                pairs.hypotheses(),
                pairs.references(),
                ordered(
                        "briefs",
                        briefs.toString(),
                        "language",
                        language,
                        "references",
                        references.toString(),
                        "lines",
                        pairs.ids().size(),
                        "missing",
                        pairs.missing()));
    }

    private Inputs translated() throws IOException {
        String[] languages = pair.trim().toLowerCase(Locale.ROOT).split("-");
        if (languages.length != 2 || languages[0].isEmpty() || languages[1].isEmpty()) {
            throw new UsageException("--pair must be SRC-TGT such as en-uk, is '" + pair + "'");
        }
        Path src = source;
        Path ref = references;
        if (src == null) {
            src = corpus.resolve("wmt22-" + languages[0] + "-" + languages[1] + ".src." + languages[0]);
            if (ref == null) {
                ref = corpus.resolve("wmt22-" + languages[0] + "-" + languages[1] + ".ref." + languages[1]);
            }
            if (!Files.isRegularFile(src)) {
                throw new UsageException(
                        "no --source given and the test set " + src + " is not there: give --source FILE "
                                + "--references FILE, or --corpus DIR where the WMT22 files are");
            }
        } else if (ref == null) {
            throw new UsageException("--source needs --references FILE, line-aligned with it");
        }
        List<String> sourceLines = SegmentFiles.read(src, "source");
        List<String> refs = SegmentFiles.read(ref, "references");
        requirePaired(src, sourceLines, ref, refs);
        Path modelDir = GenerateCommand.modelFolder(translate, modelsDir);
        OnnxModelOptions options = OnnxModelOptions.defaults().withVariant(VariantOption.orDefault(variant));
        List<String> hyps = EvalTranslation.translate(
                modelDir,
                options,
                sourceLines,
                languages[0],
                languages[1],
                output,
                spec.commandLine().getErr());
        return new Inputs(
                hyps,
                refs,
                ordered(
                        "model",
                        modelDir.toString(),
                        "source",
                        src.toString(),
                        "references",
                        ref.toString(),
                        "output",
                        output == null ? null : output.toString(),
                        "lines",
                        hyps.size()));
    }

    private static void requirePaired(Path hypFile, List<String> hyps, Path refFile, List<String> refs) {
        if (hyps.size() != refs.size()) {
            throw new UsageException(hypFile + " has " + hyps.size() + " lines but " + refFile + " has " + refs.size()
                    + ": they must pair up line by line");
        }
        if (hyps.isEmpty()) {
            throw new UsageException(hypFile + " and " + refFile + " are empty: nothing to score");
        }
    }

    private List<EvalMetric> chosenMetrics() {
        if (metrics.isEmpty()) {
            if (translate != null) {
                return TRANSLATION_METRICS;
            }
            throw new UsageException("name the metric: --metric "
                    + EvalMetric.validNames().replace(", ", "|").replace(" or ", "|"));
        }
        List<EvalMetric> chosen = new ArrayList<>();
        for (String name : metrics) {
            EvalMetric m = EvalMetric.named(name);
            if (m == null) {
                throw new UsageException("unknown metric '" + name + "': use " + EvalMetric.validNames());
            }
            if (!chosen.contains(m)) {
                chosen.add(m);
            }
        }
        return chosen;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
