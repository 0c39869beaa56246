package dev.briefs.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.support.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A summary missing a part because the model gave nothing for it says so. */
class AbstractiveSummariserTest {

    @TempDir
    Path models;

    @Test
    void aPartWhoseSummaryCameBackEmptyIsReportedAndTheOtherPartsMakeTheSummary() {
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        try (GenerationModels installed = new GenerationModels(models)) {
            TextGenerator real = installed.get("distilbart-cnn-6-6");
            // The real tiny model, except that for one part it ends at once (its first token is the end),
            // as a real model can: that part's summary decodes to nothing.
            TextGenerator endsAtOnceForTheAside = new ForwardingTextGenerator(real) {
                @Override
                public List<Seq2SeqGenerator.Result> generateBatch(
                        List<String> texts, String source, String target, int padTo) {
                    List<Seq2SeqGenerator.Result> out = new ArrayList<>();
                    for (String text : texts) {
                        out.add(
                                text.contains("weather")
                                        ? new Seq2SeqGenerator.Result(text, new long[0], new int[0], "")
                                        : delegate.generateBatch(List.of(text), source, target, padTo)
                                                .get(0));
                    }
                    return out;
                }
            };
            AbstractiveSummariser summariser = new AbstractiveSummariser(
                    "distilbart-cnn-6-6",
                    endsAtOnceForTheAside,
                    Integer.MAX_VALUE,
                    new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
            List<Chunk> chunks = List.of(
                    new Chunk(0, List.of("The port reopened its grain terminal on Thursday."), 12),
                    new Chunk(1, List.of("The weather was mild."), 6),
                    new Chunk(2, List.of("Farmers welcomed the news."), 6));

            Summary summary = summariser
                    .summariseAll(List.of(new Summariser.Request(chunks, "en", 80)))
                    .get(0);

            assertThat(summary.text()).isNotBlank();
            assertThat(summary.failures()).isEmpty();
            assertThat(summary.degraded()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(Degradation.EMPTY_CHUNK_SUMMARY);
                assertThat(d.language()).isEqualTo("en");
                assertThat(d.detail()).contains("part 2 of 3 came back empty");
            });
        }
    }
}
