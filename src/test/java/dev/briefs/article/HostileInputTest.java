package dev.briefs.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs sized to hurt, at the job's default limits ({@link InputLimits}): each ends as one clear failure that
 * names the file and the setting, after reading no more than the limit (docs/input.md, "Hostile sizes").
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private final ArticleFileReader reader = new ArticleFileReader();

    @Test
    void aFeedOfAMillionArticlesIsReadUpToTheLimitAndTheRestIsOneFailure() throws IOException {
        // 20 bytes a line: 20 MB, each line far under max-file-bytes.
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("wire.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write("{\"maintext\":\"Hi.\"}\n");
            }
        }
        int limit = InputLimits.DEFAULT_MAX_FILE_ARTICLES;

        List<ArticleInput> inputs = reader.read(dir, "wire.jsonl");

        assertThat(inputs).hasSize(limit + 1);
        assertThat(inputs.subList(0, limit)).allMatch(ArticleInput::readable);
        assertThat(inputs.get(limit - 1).id()).isEqualTo("wire-" + limit);
        ArticleInput rest = inputs.get(limit);
        assertThat(rest.readable()).isFalse();
        assertThat(rest.id()).isEqualTo("wire-" + (limit + 1));
        assertThat(rest.error())
                .isEqualTo("wire.jsonl line 10001: the file has more than 10000 articles, the limit per file; this line"
                        + " and the rest of the file were not read. Split the file, or raise 'max-file-articles' in"
                        + " the job file, then run the date again with --force");
        // The day's count, made before the run, stops at the same place: the feed is not over a day's limit.
        DaySize size = DaySize.of(dir, List.of("wire.jsonl"), InputLimits.DEFAULTS);
        assertThat(size.articles()).isEqualTo(limit + 1);
        assertThat(size.over(InputLimits.DEFAULTS)).isFalse();
    }

    @Test
    void aFeedAtTheLimitIsReadWholeBlankLinesNotCounted() throws IOException {
        ArticleFileReader three = new ArticleFileReader(limits(3, 512, 100), false);
        Files.writeString(
                dir.resolve("wire.jsonl"),
                "{\"maintext\":\"One.\"}\n\n{\"maintext\":\"Two.\"}\n  \n{\"maintext\":\"Three.\"}\n\n");

        assertThat(three.read(dir, "wire.jsonl")).hasSize(3).allMatch(ArticleInput::readable);
        assertThat(DaySize.of(dir, List.of("wire.jsonl"), limits(3, 512, 100)).articles())
                .isEqualTo(3);
    }

    @Test
    void aPageOfTwoHundredThousandNestedElementsIsOneFailure() throws IOException {
        int depth = 200_000;
        Files.writeString(
                dir.resolve("nested.html"),
                "<html lang=en><body><article><p>The harbour reopened on Monday.</p>" + "<div>".repeat(depth)
                        + "<p>Deep text.</p>" + "</div>".repeat(depth) + "</article></body></html>");

        List<ArticleInput> inputs = reader.read(dir, "nested.html");

        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input.readable()).isFalse();
            assertThat(input.id()).isEqualTo("nested");
            assertThat(input.error())
                    .isEqualTo("nested.html: elements nested more than 512 deep, the limit per page; check the"
                            + " page, or raise 'max-html-depth' in the job file");
        });
    }

    @Test
    void aPageAtTheDepthLimitIsReadAndOneLevelDeeperIsNot() throws IOException {
        int limit = 12;
        ArticleFileReader reader = new ArticleFileReader(limits(100, limit, 100), false);
        // <html> 1, <body> 2, <article> 3, the divs from 4, the paragraph inside them one deeper.
        int divs = limit - 4;
        Files.writeString(dir.resolve("at.html"), page(divs));
        Files.writeString(dir.resolve("over.html"), page(divs + 1));

        assertThat(reader.read(dir, "at.html"))
                .singleElement()
                .satisfies(input -> assertThat(input.article().text()).contains("Deep text."));
        assertThat(reader.read(dir, "over.html"))
                .singleElement()
                .satisfies(input -> assertThat(input.error()).contains("nested more than 12 deep"));
    }

    @Test
    void aDayIsCountedAsTheJobReadsItAndTheCountStopsPastTheLimit() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{}\n\n{}\n{}");
        Files.writeString(dir.resolve("b.txt"), "date 2026-11-20 Text.");
        Files.writeString(dir.resolve("c.html"), "");
        Files.writeString(dir.resolve("d.jsonl"), "{}\n".repeat(1000));
        InputLimits five = limits(100, 512, 5);

        assertThat(DaySize.of(dir, List.of("a.jsonl", "b.txt", "c.html"), five)).isEqualTo(new DaySize(3, 5));
        // Over the limit: counted no further than one past it, however long the feed.
        DaySize over = DaySize.of(dir, ArticleFiles.list(dir), five);
        assertThat(over).isEqualTo(new DaySize(4, 6));
        assertThat(over.over(five)).isTrue();
    }

    private static InputLimits limits(int fileArticles, int htmlDepth, int dayArticles) {
        return new InputLimits(InputLimits.DEFAULT_MAX_FILE_BYTES, fileArticles, htmlDepth, dayArticles);
    }

    private static String page(int divs) {
        return "<html><body><article>" + "<div>".repeat(divs) + "<p>Deep text.</p>" + "</div>".repeat(divs)
                + "</article></body></html>";
    }
}
