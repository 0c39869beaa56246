package dev.briefs.job.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ArticleFilePartitionerTest {

    @TempDir
    Path day;

    /**
     * A day whose names alternate English and Ukrainian, as a newsroom's exports often do: dealt in
     * name order, two partitions would get all of one language each, and the one with the model
     * summaries would run long after the other had finished.
     */
    @Test
    void alternatingLanguagesAreSharedAlikeBetweenPartitions() throws IOException {
        for (int i = 0; i < 400; i++) {
            Files.writeString(day.resolve(String.format("night-%04d-%s.json", i, i % 2 == 0 ? "en" : "uk")), "{}");
        }

        Map<String, ExecutionContext> partitions = new ArticleFilePartitioner(day).partition(2);

        assertThat(partitions).hasSize(2);
        for (ExecutionContext context : partitions.values()) {
            List<String> files = files(context);
            long english = files.stream().filter(f -> f.endsWith("-en.json")).count();
            // 200 English files dealt at random between two partitions: the share of one partition
            // is binomial, standard deviation sqrt(400 / 4) = 10 files; 40% to 60% is 4 of them.
            assertThat(files).hasSizeBetween(199, 201);
            assertThat(english).isBetween(80L, 120L);
            assertThat(files).isSorted();
        }
    }

    @Test
    void everyFileIsDealtOnceAndTheSameWayEveryTime() throws IOException {
        for (String name : List.of("a.txt", "b.json", "c.html", "d.jsonl", "e.txt", "f.txt", "g.json")) {
            Files.writeString(day.resolve(name), "x");
        }

        Map<String, ExecutionContext> first = new ArticleFilePartitioner(day).partition(3);
        Map<String, ExecutionContext> again = new ArticleFilePartitioner(day).partition(3);

        List<String> all = new ArrayList<>();
        first.values().forEach(context -> all.addAll(files(context)));
        assertThat(all).containsExactlyInAnyOrder("a.txt", "b.json", "c.html", "d.jsonl", "e.txt", "f.txt", "g.json");
        assertThat(first.keySet()).containsExactly("partition0", "partition1", "partition2");
        for (String key : first.keySet()) {
            assertThat(files(again.get(key))).isEqualTo(files(first.get(key)));
        }
    }

    @Test
    void neverMorePartitionsThanFiles() throws IOException {
        Files.writeString(day.resolve("only.txt"), "x");

        assertThat(new ArticleFilePartitioner(day).partition(4)).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> files(ExecutionContext context) {
        return (List<String>) context.get(ArticleFilePartitioner.FILES);
    }
}
