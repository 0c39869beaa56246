package dev.briefs.job.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleInput;
import dev.briefs.article.ArticleStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A file whose reading breaks off half way becomes one failed input that says where, and the
 * partition's other files are still read; a reader bug is not turned into a failed article.
 */
class PartitionArticleReaderTest {

    @TempDir
    Path input;

    /** The real reader, except that {@code broken} stops with an I/O error after its first article. */
    private BiFunction<Path, String, ArticleStream> diskFailingOn(String broken, RuntimeException failure) {
        ArticleFileReader real = new ArticleFileReader();
        return (dir, file) -> {
            ArticleStream stream = real.open(dir, file);
            if (!file.equals(broken)) {
                return stream;
            }
            return new ArticleStream() {
                private int given;

                @Override
                public boolean hasNext() {
                    if (given == 1) {
                        throw failure;
                    }
                    return stream.hasNext();
                }

                @Override
                public ArticleInput next() {
                    given++;
                    return stream.next();
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        };
    }

    private void write(String name, int lines) throws IOException {
        List<String> text = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            text.add(
                    "{\"id\": \"" + name.replace(".jsonl", "") + "-a" + i + "\", \"title\": \"T" + i
                            + "\", \"maintext\": \"The council met on Monday. It agreed on the budget.\", \"language\": \"en\"}");
        }
        Files.write(input.resolve(name), text);
    }

    private static List<ArticleInput> readAll(PartitionArticleReader reader) {
        reader.open(new ExecutionContext());
        List<ArticleInput> all = new ArrayList<>();
        for (ArticleInput a = reader.read(); a != null; a = reader.read()) {
            all.add(a);
        }
        reader.close();
        return all;
    }

    @Test
    void aFileWhoseReadingBreaksOffIsOneFailedInputAndTheNextFileIsStillRead() throws IOException {
        write("wires.jsonl", 3);
        write("locals.jsonl", 2);
        PartitionArticleReader reader = new PartitionArticleReader(
                input,
                List.of("wires.jsonl", "locals.jsonl"),
                diskFailingOn(
                        "wires.jsonl",
                        new UncheckedIOException(
                                "wires.jsonl: cannot be read", new IOException("Input/output error"))));

        List<ArticleInput> read = readAll(reader);

        assertThat(read).extracting(ArticleInput::id).containsExactly("wires-a1", "wires", "locals-a1", "locals-a2");
        ArticleInput stopped = read.get(1);
        assertThat(stopped.readable()).isFalse();
        assertThat(stopped.sourceFile()).isEqualTo("wires.jsonl");
        assertThat(stopped.error())
                .contains("wires.jsonl: reading stopped after 1 article(s)")
                .contains("Input/output error")
                .contains("the rest of the file was not read");
    }

    @Test
    void aBugInReadingIsNotTurnedIntoAFailedArticle() throws IOException {
        write("wires.jsonl", 3);
        PartitionArticleReader reader = new PartitionArticleReader(
                input,
                List.of("wires.jsonl"),
                diskFailingOn("wires.jsonl", new IllegalStateException("parser state lost")));

        reader.open(new ExecutionContext());
        assertThat(reader.read().id()).isEqualTo("wires-a1");
        assertThatThrownBy(reader::read)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("parser state lost");
    }

    @Test
    void aRestartGoesOnAfterTheLastCommittedArticle() throws IOException {
        write("wires.jsonl", 3);
        ArticleFileReader real = new ArticleFileReader();
        PartitionArticleReader first = new PartitionArticleReader(input, List.of("wires.jsonl"), real::open);
        ExecutionContext saved = new ExecutionContext();
        first.open(saved);
        first.read();
        first.read();
        first.update(saved);
        first.close();

        PartitionArticleReader restarted = new PartitionArticleReader(input, List.of("wires.jsonl"), real::open);
        restarted.open(saved);
        assertThat(restarted.read().id()).isEqualTo("wires-a3");
        assertThat(restarted.read()).isNull();
    }
}
