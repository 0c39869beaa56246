package dev.briefs.bench;

import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.optimum.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a night's resident memory goes before its first article: loads the whole-night benchmark's three models as
 * the job loads them (fp32, encoder and merged decoder each) and prints the process's RSS after each, beside the
 * size of its graph files on disk (docs/performance.md, "Memory").
 *
 * <pre>
 * java -cp ... dev.briefs.bench.ModelRss /work/bench-models [prepacking on|off] [arena on|off] [optimization]
 * </pre>
 */
public final class ModelRss {

    private ModelRss() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "/work/bench-models");
        boolean prepacking = args.length <= 1 || args[1].equals("on");
        boolean arena = args.length <= 2 || args[2].equals("on");
        String optimization = args.length > 3 ? args[3] : null;
        OrtSessionSettings session = new OrtSessionSettings(1, 1, optimization, arena, prepacking);
        OnnxModelOptions options =
                OnnxModelOptions.defaults().withVariant(Variant.FP32).withSession(session);
        System.out.printf(
                Locale.ROOT, "settings: %s; RSS before %d MiB%n", session.describeAsRun(), RssSampler.rssMib());
        List<OnnxSeq2SeqModel> loaded = new ArrayList<>();
        long files = 0;
        for (String name : List.of("distilbart-cnn-6-6", "opus-mt-en-uk", "opus-mt-uk-en")) {
            Path dir = root.resolve(name);
            long before = RssSampler.rssMib();
            loaded.add(OnnxSeq2SeqModel.load(dir, options));
            long size = 0;
            for (String graph : List.of("encoder_model.onnx", "decoder_model_merged.onnx")) {
                size += Files.size(dir.resolve("onnx").resolve(graph));
            }
            files += size;
            long after = RssSampler.rssMib();
            System.out.printf(
                    Locale.ROOT,
                    "%-20s files %5d MiB, RSS +%5d MiB, now %5d MiB%n",
                    name,
                    size >> 20,
                    after - before,
                    after);
        }
        System.out.printf(Locale.ROOT, "all three: files %d MiB, RSS %d MiB%n", files >> 20, RssSampler.rssMib());
        for (OnnxSeq2SeqModel m : loaded) {
            m.close();
        }
    }
}
