package dev.briefs.cli;

import dev.briefs.brief.AtomicFiles;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.UnknownLanguageException;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code eval --translate}: runs a translation model over a source file as {@code briefs translate}
 * does (the model's generation_config.json, one line a call, so that no line depends on its
 * neighbours), for the score to be the one a user gets from that command.
 */
final class EvalTranslation {

    /** Progress on standard error every so many lines: a real model takes minutes over the 2,037 WMT22 lines. */
    private static final int PROGRESS_EVERY = 100;

    private EvalTranslation() {}

    /**
     * @param sourceLanguage and targetLanguage matter only to multilingual models (NLLB)
     * @param output where the translations are written, one a line (null: not written)
     */
    static List<String> translate(
            Path modelDir,
            OnnxModelOptions options,
            List<String> source,
            String sourceLanguage,
            String targetLanguage,
            Path output,
            PrintWriter err)
            throws IOException {
        List<String> translations = new ArrayList<>();
        long started = System.nanoTime();
        try (Seq2SeqGenerator generator = Seq2SeqGenerator.load(modelDir, options)) {
            generator.checkLanguages(sourceLanguage, targetLanguage);
            for (String line : source) {
                Seq2SeqGenerator.Result r = generator.multilingual()
                        ? generator
                                .generate(List.of(line), sourceLanguage, targetLanguage, Map.of())
                                .get(0)
                        : generator.generate(List.of(line), Map.of()).get(0);
                // One line a source line: a newline inside a translation would shift every line after it.
                translations.add(r.text().replace('\n', ' '));
                if (translations.size() % PROGRESS_EVERY == 0) {
                    err.printf("translated %d of %d lines%n", translations.size(), source.size());
                    err.flush();
                }
            }
        } catch (ModelLoadException | UnknownLanguageException e) {
            throw new UsageException(e.getMessage());
        }
        err.printf(
                "translated %d lines with %s in %.1f s%n",
                translations.size(), modelDir, (System.nanoTime() - started) / 1e9);
        if (output != null) {
            StringBuilder text = new StringBuilder();
            translations.forEach(t -> text.append(t).append('\n'));
            AtomicFiles.write(output, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return translations;
    }
}
