package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.locks.FileRunLock;
import dev.briefs.job.locks.RunLock;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day of bad input beside good articles: every bad file becomes one failed article with one
 * ledger entry and one line in the report, the good articles are all briefed, nothing crashes.
 */
class BadInputRunTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    @Test
    void eachBadFileIsOneClearFailureAndTheGoodArticlesAreAllWritten() throws IOException {
        Path in = TestJobs.inputDir(root, DATE);
        Files.copy(Path.of("jobs/articles", DATE, "harbour-reopens.txt"), in.resolve("harbour-reopens.txt"));
        Files.copy(Path.of("jobs/articles", DATE, "school-meals.json"), in.resolve("school-meals.json"));
        String good = Files.readString(in.resolve("harbour-reopens.txt"));
        Files.writeString(in.resolve("empty.txt"), "");
        Files.writeString(in.resolve("blank.txt"), "  \n\t\n ");
        Files.write(in.resolve("binary.txt"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0});
        Files.write(
                in.resolve("latin1.txt"), "date 2026-11-20 Caf\u00e9 au lait.".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("utf16.txt"), ("\uFEFF" + good).getBytes(StandardCharsets.UTF_16LE));
        try (RandomAccessFile huge = new RandomAccessFile(in.resolve("huge.txt").toFile(), "rw")) {
            huge.write("date 2026-11-20 ".getBytes(StandardCharsets.US_ASCII));
            huge.setLength(50L * 1024 * 1024);
        }
        Files.writeString(in.resolve("broken.json"), "{\"title\": \"Unclosed\", \"maintext\": \"text");
        Files.writeString(in.resolve("types.json"), "{\"title\": [\"a\"], \"maintext\": \"Body.\"}");
        Files.writeString(
                in.resolve("scripts.html"),
                "<html><head><script>steal()</script></head><body>"
                        + "<script>alert('x')</script><noscript>Enable JavaScript</noscript><style>p{}</style></body></html>");
        Files.writeString(in.resolve("noheader.txt"), "The text starts without its date line.");
        Files.writeString(
                in.resolve("harbour-reopens.json"),
                "{\"maintext\": \"Same id as the text file.\", \"language\": \"en\"}");
        Files.writeString(
                in.resolve("wire.jsonl"),
                "{\"id\": \"w1\", \"maintext\": \"" + good.substring(16, 400).replace("\n", " ")
                        + "\"}\n{\"id\": \"w1\", \"maintext\": \"Duplicate id line.\"}\n");
        // Hostile sizes, at limits made small (docs/input.md): a feed past max-file-articles keeps its first
        // articles and fails the rest as one; a page nested past max-html-depth fails (HostileInputTest: full sizes).
        Files.writeString(
                in.resolve("feed.jsonl"),
                ("{\"maintext\": \"" + good.substring(16, 400).replace("\n", " ") + "\"}\n").repeat(5));
        Files.writeString(
                in.resolve("deep.html"),
                "<html lang=en><body><article>" + "<div>".repeat(40) + "<p>" + good.substring(16, 400) + "</p>"
                        + "</div>".repeat(40) + "</article></body></html>");
        Files.writeString(in.resolve("a..b.txt"), good);
        Files.writeString(in.resolve("$(touch pwned);.txt"), good);
        Files.createSymbolicLink(in.resolve("loop.txt"), in.resolve("loop.txt"));
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        Path job = TestJobs.write(root, "max-file-articles: 3\nmax-html-depth: 16\n");

        CommandResult result = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(root.resolve("pwned")).doesNotExist();
        Map<String, Brief> briefs = BriefFiles.readAll(TestJobs.outputDir(root, DATE)).stream()
                .collect(Collectors.toMap(b -> b.source().file() + "#" + b.id(), Function.identity()));
        // Of two files with one id, the one whose name sorts first keeps it.
        for (String ok : List.of(
                "harbour-reopens.json#harbour-reopens",
                "school-meals.json#school-meals",
                "utf16.txt#utf16",
                "wire.jsonl#w1",
                "feed.jsonl#feed-1",
                "feed.jsonl#feed-3")) {
            assertThat(briefs).containsKey(ok);
            assertThat(briefs.get(ok).status()).as(ok).isEqualTo(Brief.OK);
        }
        Map<String, String> expectedErrors = Map.ofEntries(
                Map.entry("empty.txt", "the file is empty"),
                Map.entry("blank.txt", "the file is empty"),
                Map.entry("binary.txt", "binary"),
                Map.entry("latin1.txt", "not valid UTF-8"),
                Map.entry("huge.txt", "over the limit of 20971520 bytes"),
                Map.entry("broken.json", "not valid JSON"),
                Map.entry("types.json", "field 'title' must be a string, found an array"),
                Map.entry("scripts.html", "no article text"),
                Map.entry("noheader.txt", "missing date header"),
                Map.entry("harbour-reopens.txt", "is also the id of the article in harbour-reopens.json"),
                Map.entry("wire.jsonl", "'w1' is used by an earlier line"),
                Map.entry(
                        "feed.jsonl",
                        "feed.jsonl line 4: the file has more than 3 articles, the limit per file; this line and the"
                                + " rest of the file were not read. Split the file, or raise 'max-file-articles'"),
                Map.entry(
                        "deep.html",
                        "deep.html: elements nested more than 16 deep, the limit per page; check the page, or raise"
                                + " 'max-html-depth' in the job file"),
                Map.entry("a..b.txt", "not safe as a file name"),
                Map.entry("$(touch pwned);.txt", "not safe as a file name"),
                Map.entry("loop.txt", "symbolic link"));
        List<LedgerEntry> open = JobRunner.inspect(
                        JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null), RunHistory::of)
                .failures()
                .stream()
                .filter(LedgerEntry::open)
                .toList();
        assertThat(open).hasSize(expectedErrors.size());
        expectedErrors.forEach((file, error) -> {
            List<Brief> failed = briefs.values().stream()
                    .filter(b -> b.source().file().equals(file) && Brief.FAILED.equals(b.status()))
                    .toList();
            assertThat(failed).as(file).hasSize(1);
            assertThat(failed.get(0).error()).as(file).contains(error);
            assertThat(open)
                    .as(file)
                    .filteredOn(e -> e.sourceFile().equals(file))
                    .singleElement()
                    .satisfies(e -> assertThat(e.stage()).isEqualTo("read"));
            assertThat(result.out()).contains(failed.get(0).id() + ": ");
        });
        try (Stream<Path> out = Files.list(TestJobs.outputDir(root, DATE))) {
            assertThat(out.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    /** Hostile sizes (docs/input.md): a day over {@code max-day-articles} is refused before any work. */
    @Test
    void aDayOverItsLimitIsRefusedBeforeAnyWork() throws IOException {
        Path in = TestJobs.inputWithSamples(root, DATE);
        // 4 sample files and a feed of 2 articles: 6 articles in 5 files, one over the limit.
        Files.writeString(in.resolve("feed.jsonl"), "{\"maintext\": \"One.\"}\n{\"maintext\": \"Two.\"}\n");
        Path job = TestJobs.write(root, "max-day-articles: 5\n");

        CommandResult result = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip())
                .isEqualTo("briefs: the input folder " + in + " holds more than 5 articles (5 files), the limit of"
                        + " a day ('max-day-articles' in " + job + "); move what does not belong to " + DATE
                        + " out of it, or raise the limit (the stories step's time grows with the square of a"
                        + " day's articles: docs/input.md, \"Hostile sizes\")");
        assertThat(TestJobs.outputDir(root, DATE)).doesNotExist();
    }

    @Test
    void aSecondRunWhileOneIsRunningIsRefused() throws IOException {
        TestJobs.inputDir(root, DATE);
        Path job = TestJobs.write(root, "");
        try (RunLock held = FileRunLock.tryAcquire(root.resolve("data"), "nightly-briefs " + DATE)) {
            assertThat(held).isNotNull();
            CommandResult second = CommandResult.run("run", job.toString(), "--date", DATE);
            assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(second.err().strip())
                    .startsWith("briefs: another briefs process is running " + DATE + ": the data folder")
                    .contains("nightly-briefs " + DATE)
                    .endsWith("wait for it to finish");
        }
    }
}
