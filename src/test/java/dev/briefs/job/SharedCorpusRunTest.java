package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.check.CheckKind;
import dev.briefs.check.CheckResult;
import dev.briefs.cli.ExitCodes;
import dev.briefs.summarise.Words;
import dev.briefs.support.CommandResult;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The job end to end on real news: the shared English seed article and the 16 Ukrainian WMT22
 * documents, written as JSON article files (first segment as the title, the rest as the text).
 */
class SharedCorpusRunTest {

    private static final String DATE = "2022-03-19";

    @TempDir
    static Path root;

    static CommandResult result;
    static Map<String, Brief> briefs;
    static Map<String, JsonNode> ukrainianDocs = new LinkedHashMap<>();

    /** Skips each test, with the reason, when the corpus is absent; runs the job once for all of them. */
    @BeforeEach
    void runTheJobOnTheSharedCorpusOnce() throws IOException {
        Path corpus = SharedCorpus.dir();
        if (result != null) {
            return;
        }
        Path input = TestJobs.inputDir(root, DATE);
        Files.copy(corpus.resolve("000_c930af4e63a7dcc9.txt"), input.resolve("000_c930af4e63a7dcc9.txt"));
        ukrainianDocs.putAll(SharedCorpus.writeUkrainianArticles(input));
        result = CommandResult.run("run", TestJobs.write(root, "").toString(), "--date", DATE);
        briefs = BriefFiles.readAll(TestJobs.outputDir(root, DATE)).stream()
                .collect(Collectors.toMap(Brief::id, Function.identity()));
    }

    @Test
    void everyArticleHasABriefAndTheRunReportsTheMissingTranslationModels() {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(ukrainianDocs).hasSize(16);
        assertThat(briefs)
                .hasSize(17)
                .containsKey("000_c930af4e63a7dcc9")
                .containsKeys(ukrainianDocs.keySet().toArray(String[]::new));
        assertThat(result.out()).contains("17 articles, 0 complete, 17 partial, 0 failed");
    }

    /**
     * A real false-alarm test: an extractive summary is its article's own sentences, so every fact check of
     * every summary of this real news must pass, and no brief may be called doubtful.
     */
    @Test
    void everyExtractiveSummaryPassesItsFactChecksAgainstItsArticle() throws IOException {
        for (Brief b : briefs.values()) {
            Brief.LanguageBrief own = b.briefs().get(b.language());
            assertThat(own.checks())
                    .as(b.id())
                    .extracting(CheckResult::kind)
                    .containsExactly(CheckKind.NUMBERS, CheckKind.NAMES, CheckKind.NEGATION);
            assertThat(own.checks())
                    .as(b.id())
                    .allSatisfy(r -> assertThat(r.flagged())
                            .as(b.id() + " " + r.kind().id())
                            .isEmpty());
            assertThat(own.doubtful()).as(b.id()).isEmpty();
        }
        assertThat(result.out()).contains("Doubtful: 0 of 17 language briefs checked");
        assertThat(Files.readString(TestJobs.outputDir(root, DATE).resolve(BriefFiles.DIGEST)))
                .contains("Doubtful: 0 of 17 language briefs checked.");
    }

    @Test
    void theEnglishSeedArticleGetsAnExtractiveEnglishBriefWithinTheLimit() throws IOException {
        Brief b = briefs.get("000_c930af4e63a7dcc9");
        String article =
                Files.readString(SharedCorpus.file("000_c930af4e63a7dcc9.txt")).replaceAll("\\s+", " ");
        assertThat(b.language()).isEqualTo("en");
        assertThat(b.date()).isEqualTo(DATE);
        assertThat(b.title()).isNull();
        assertThat(b.source().file()).isEqualTo("000_c930af4e63a7dcc9.txt");
        assertThat(b.source().url()).isNull();
        Brief.LanguageBrief en = b.briefs().get("en");
        assertThat(en.status()).isEqualTo("ok");
        assertThat(Words.count(en.text())).isBetween(20, 80);
        assertThat(article).contains(en.text().split("(?<=[.!?])\\s+"));
        assertThat(b.briefs().get("uk").error()).startsWith("model not installed: opus-mt-en-uk");
    }

    @Test
    void theUkrainianDocumentsAreDetectedAsUkrainianAndBriefedFromTheirOwnSentences() {
        for (Map.Entry<String, JsonNode> doc : ukrainianDocs.entrySet()) {
            Brief b = briefs.get(doc.getKey());
            StringBuilder text = new StringBuilder();
            doc.getValue()
                    .get("segments")
                    .forEach(seg -> text.append(seg.asString()).append(' '));
            assertThat(b.language()).as(b.id()).isEqualTo("uk");
            assertThat(b.source().file()).isEqualTo(doc.getKey() + ".json");
            assertThat(b.title())
                    .isEqualTo(doc.getValue().get("segments").get(0).asString());
            Brief.LanguageBrief uk = b.briefs().get("uk");
            assertThat(uk.status()).as(b.id()).isEqualTo("ok");
            assertThat(uk.model()).isEqualTo("extractive:lexical-tfidf");
            assertThat(Words.count(uk.text())).as(b.id()).isPositive().isLessThanOrEqualTo(80);
            assertThat(text.toString())
                    .as(b.id())
                    .contains(uk.text().substring(0, Math.min(30, uk.text().length())));
            Brief.LanguageBrief en = b.briefs().get("en");
            assertThat(en.status()).isEqualTo("failed");
            assertThat(en.text()).isNull();
            assertThat(en.error()).startsWith("model not installed: opus-mt-uk-en");
            assertThat(b.chunks().failed()).isEqualTo(1);
        }
    }
}
