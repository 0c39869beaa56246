package dev.briefs.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileReaderTest {

    @TempDir
    Path dir;

    private final ArticleFileReader reader = new ArticleFileReader();

    private List<ArticleInput> read(String name, String content) throws IOException {
        return read(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<ArticleInput> read(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
        return reader.read(dir, name);
    }

    private Article only(List<ArticleInput> inputs) {
        assertThat(inputs).hasSize(1);
        assertThat(inputs.get(0).error()).isNull();
        return inputs.get(0).article();
    }

    private String onlyError(List<ArticleInput> inputs) {
        assertThat(inputs).hasSize(1);
        assertThat(inputs.get(0).readable()).isFalse();
        return inputs.get(0).error();
    }

    @Nested
    class PlainText {

        @Test
        void readsDateHeaderBodyAndIdFromFileName() throws IOException {
            Article a = only(read(
                    "kyiv-1.txt",
                    "  date 2024-05-01 First paragraph here. Second sentence.\r\n\r\n\r\nNext paragraph "
                            + "with a link https://example.org/x.\n"));
            assertThat(a.id()).isEqualTo("kyiv-1");
            assertThat(a.date()).isEqualTo(LocalDate.of(2024, 5, 1));
            assertThat(a.title()).isNull();
            assertThat(a.url()).isNull();
            assertThat(a.text())
                    .isEqualTo(
                            "First paragraph here. Second sentence.\n\nNext paragraph with a link https://example.org/x.");
            assertThat(a.links()).containsExactly("https://example.org/x");
            assertThat(a.sourceFile()).isEqualTo("kyiv-1.txt");
        }

        @Test
        void readsTheSharedSampleArticle() throws IOException {
            Path sample = SharedCorpus.file("000_c930af4e63a7dcc9.txt");
            Files.copy(sample, dir.resolve(sample.getFileName()));
            Article a = only(reader.read(dir, sample.getFileName().toString()));
            assertThat(a.id()).isEqualTo("000_c930af4e63a7dcc9");
            assertThat(a.date()).isEqualTo(LocalDate.of(2022, 3, 19));
            assertThat(a.text())
                    .startsWith("As the Russia Ukraine war enters its 24th day")
                    .contains("\n\n");
        }

        @Test
        void missingDateHeaderIsReportedWithTheFix() throws IOException {
            assertThat(onlyError(read("a.txt", "Just text without header.")))
                    .contains("a.txt")
                    .contains("missing date header")
                    .contains("date YYYY-MM-DD");
        }

        @Test
        void invalidDateIsReported() throws IOException {
            assertThat(onlyError(read("a.txt", "date 2024-13-45 Text."))).contains("'2024-13-45' is not a date");
        }

        @Test
        void headerWithoutBodyIsReported() throws IOException {
            assertThat(onlyError(read("a.txt", " date 2024-05-01 \n\n  "))).contains("no text");
        }

        @Test
        void emptyAndWhitespaceOnlyFilesAreReported() throws IOException {
            assertThat(onlyError(read("empty.txt", ""))).contains("empty.txt: the file is empty");
            assertThat(onlyError(read("blank.txt", " \n\t \n"))).contains("blank.txt: the file is empty");
        }

        @Test
        void binaryAndInvalidUtf8AreRefused() throws IOException {
            assertThat(onlyError(read("bin.txt", new byte[] {'d', 'a', 't', 'e', 0, 1, 2, 3})))
                    .contains("binary");
            assertThat(onlyError(read("latin1.txt", "date 2024-05-01 Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))))
                    .contains("not valid UTF-8");
        }

        @Test
        void utf16WithByteOrderMarkAndUtf8BomAreDecoded() throws IOException {
            byte[] utf16 = ("\uFEFF date 2024-05-01 Привіт, світе.").getBytes(StandardCharsets.UTF_16LE);
            assertThat(only(read("u16.txt", utf16)).text()).isEqualTo("Привіт, світе.");
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = " date 2024-05-01 Hello.".getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, withBom, 0, 3);
            System.arraycopy(body, 0, withBom, 3, body.length);
            assertThat(only(read("bom.txt", withBom)).text()).isEqualTo("Hello.");
        }

        @Test
        void theNamesOfTheDaysOwnFilesAreNoArticleIds() throws IOException {
            // digest.txt would write digest.md over the day's digest; report.json would be read as a brief.
            for (String name : List.of("digest.txt", "Briefs.txt", "report.txt")) {
                List<ArticleInput> inputs = read(name, "date 2024-05-01 Text.");
                assertThat(onlyError(inputs))
                        .as(name)
                        .contains("is the name of one of the day's own files")
                        .contains("give the article another id");
                assertThat(inputs.get(0).id())
                        .as(name)
                        .isNotEqualToIgnoringCase(ArticleId.ofFileName(name))
                        .satisfies(id -> assertThat(ArticleId.isSafe(id)).isTrue());
            }
            List<ArticleInput> declared = read("a.json", """
                    {"id": "digest", "title": "T", "maintext": "Body."}
                    """);
            assertThat(onlyError(declared)).contains("article id 'digest' is the name of one of the day's own files");
        }

        @Test
        void fileNameThatIsNotASafeIdIsReportedUnderASafeStandIn() throws IOException {
            List<ArticleInput> inputs = read("bad name;rm -rf.txt", "date 2024-05-01 Text.");
            assertThat(onlyError(inputs)).contains("not safe as a file name");
            assertThat(ArticleId.isSafe(inputs.get(0).id())).isTrue();
        }
    }

    @Nested
    class Json {

        @Test
        void readsNewsPleaseFields() throws IOException {
            Article a = only(read("n1.json", """
                    {"title": " Headline ", "maintext": "Body one.\\n\\nBody two.", "url": "https://example.org/a",
                     "date_publish": "2022-03-19 12:30:00", "language": "EN", "authors": ["x"]}
                    """));
            assertThat(a.id()).isEqualTo("n1");
            assertThat(a.title()).isEqualTo("Headline");
            assertThat(a.text()).isEqualTo("Body one.\n\nBody two.");
            assertThat(a.url()).isEqualTo("https://example.org/a");
            assertThat(a.date()).isEqualTo(LocalDate.of(2022, 3, 19));
            assertThat(a.declaredLanguage()).isEqualTo("en");
        }

        @Test
        void fallsBackToTextAndDateFields() throws IOException {
            Article a = only(read("n2.json", "{\"text\": \"Body.\", \"date\": \"2022-03-20\"}"));
            assertThat(a.text()).isEqualTo("Body.");
            assertThat(a.date()).isEqualTo(LocalDate.of(2022, 3, 20));
            assertThat(a.title()).isNull();
            assertThat(a.url()).isNull();
        }

        @Test
        void malformedJsonIsReportedWithItsPlace() throws IOException {
            assertThat(onlyError(read("bad.json", "{\"title\": \"x\", "))).contains("bad.json: not valid JSON");
        }

        @Test
        void wrongTypesAreReportedByField() throws IOException {
            assertThat(onlyError(read("t.json", "{\"title\": 42, \"maintext\": \"Body.\"}")))
                    .contains("field 'title' must be a string, found a number");
            assertThat(onlyError(read("arr.json", "[{\"maintext\": \"Body.\"}]")))
                    .contains("expected a JSON object")
                    .contains("an array");
            assertThat(onlyError(read("d.json", "{\"maintext\": \"Body.\", \"date_publish\": \"yesterday\"}")))
                    .contains("date 'yesterday' is not a date");
        }

        @Test
        void missingTextIsReported() throws IOException {
            assertThat(onlyError(read("nt.json", "{\"title\": \"Only a title\"}")))
                    .contains("no article text");
        }

        @Test
        void unsafeIdFieldIsRefused() throws IOException {
            assertThat(onlyError(read("x.json", "{\"id\": \"../../etc/passwd\", \"maintext\": \"Body.\"}")))
                    .contains("not safe as a file name");
        }
    }

    @Nested
    class JsonLines {

        @Test
        void readsOneArticlePerLineAndKeepsGoodLinesWhenOthersAreBad() throws IOException {
            List<ArticleInput> inputs = read("wire.jsonl", """
                    {"id": "a1", "title": "One", "maintext": "First body."}

                    {"id": "a2", "maintext":
                    {"maintext": "Third body, no id."}
                    {"id": "a1", "maintext": "Duplicate id."}
                    {"id": "a/b", "maintext": "Unsafe id."}
                    "just a string"
                    """);
            assertThat(inputs)
                    .extracting(ArticleInput::id)
                    .containsExactly("a1", "wire-3", "wire-4", "wire-5", "wire-6", "wire-7");
            assertThat(inputs.get(0).article().title()).isEqualTo("One");
            assertThat(inputs.get(1).error()).contains("wire.jsonl line 3: not valid JSON");
            assertThat(inputs.get(2).article().text()).isEqualTo("Third body, no id.");
            assertThat(inputs.get(3).error()).contains("line 5").contains("'a1' is used by an earlier line");
            assertThat(inputs.get(4).error()).contains("not safe as a file name");
            assertThat(inputs.get(5).error()).contains("line 7").contains("expected a JSON object");
        }

        @Test
        void aLineOverTheLimitIsReportedAloneAndTheFileIsReadOnWithoutHoldingIt() throws IOException {
            ArticleFileReader small = new ArticleFileReader(200);
            Files.writeString(
                    dir.resolve("feed.jsonl"),
                    "{\"id\": \"a\", \"maintext\": \"Short.\"}\n"
                            + "{\"id\": \"b\", \"maintext\": \"" + "long ".repeat(100) + "\"}\n"
                            + "{\"id\": \"c\", \"maintext\": \"Also short.\"}\n");
            List<ArticleInput> inputs = small.read(dir, "feed.jsonl");
            assertThat(inputs).extracting(ArticleInput::id).containsExactly("a", "feed-2", "c");
            assertThat(inputs.get(1).error()).contains("feed.jsonl line 2: over the limit of 200 bytes per line");
            assertThat(inputs.get(2).article().text()).isEqualTo("Also short.");
        }

        @Test
        void aFeedStillBeingWrittenIsReadAsItWasWhenOpenedAndALineCutShortIsThatLinesFailure() throws IOException {
            Path feed = dir.resolve("live.jsonl");
            Files.writeString(feed, "{\"id\": \"a\", \"maintext\": \"First.\"}\n{\"id\": \"b\", \"maint");
            try (ArticleStream stream = reader.open(dir, "live.jsonl")) {
                // The writer finishes its line and goes on appending while the night reads the file.
                Files.writeString(
                        feed,
                        "ext\": \"Second.\"}\n" + "{\"id\": \"c\", \"maintext\": \"Third.\"}\n".repeat(1000),
                        StandardOpenOption.APPEND);
                List<ArticleInput> inputs = new ArrayList<>();
                stream.forEachRemaining(inputs::add);
                assertThat(inputs).extracting(ArticleInput::id).containsExactly("a", "live-2");
                assertThat(inputs.get(1).error()).contains("live.jsonl line 2: not valid JSON");
            }
            // Read again (rerun-failed, the next run of the date), the line is whole.
            assertThat(reader.read(dir, "live.jsonl").get(1).article().text()).isEqualTo("Second.");
        }

        @Test
        void aFeedLargerThanTheFileLimitIsReadLineByLine() throws IOException {
            ArticleFileReader small = new ArticleFileReader(200);
            StringBuilder feed = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                feed.append("{\"id\": \"n")
                        .append(i)
                        .append("\", \"maintext\": \"Article number ")
                        .append(i)
                        .append(".\"}\n");
            }
            Files.writeString(dir.resolve("big.jsonl"), feed);
            assertThat(Files.size(dir.resolve("big.jsonl"))).isGreaterThan(200);
            try (ArticleStream stream = small.open(dir, "big.jsonl")) {
                int n = 0;
                while (stream.hasNext()) {
                    assertThat(stream.next().article().id()).isEqualTo("n" + n++);
                }
                assertThat(n).isEqualTo(50);
            }
        }

        @Test
        void aLineThatIsNotUtf8FailsAlone() throws IOException {
            byte[] good = "{\"id\": \"a\", \"maintext\": \"Fine.\"}\n".getBytes(StandardCharsets.UTF_8);
            byte[] bad = "{\"id\": \"b\", \"maintext\": \"Caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] both = new byte[good.length + bad.length + good.length];
            System.arraycopy(good, 0, both, 0, good.length);
            System.arraycopy(bad, 0, both, good.length, bad.length);
            byte[] third = "{\"id\": \"c\", \"maintext\": \"Fine too.\"}\n".getBytes(StandardCharsets.UTF_8);
            both = Arrays.copyOf(both, good.length + bad.length + third.length);
            System.arraycopy(third, 0, both, good.length + bad.length, third.length);
            List<ArticleInput> inputs = read("mixed.jsonl", both);
            assertThat(inputs).extracting(ArticleInput::id).containsExactly("a", "mixed-2", "c");
            assertThat(inputs.get(1).error()).contains("mixed.jsonl line 2: not valid UTF-8");
        }

        @Test
        void fileWithNoArticlesIsReported() throws IOException {
            assertThat(onlyError(read("none.jsonl", "\n\n  \n"))).contains("empty");
        }
    }

    @Nested
    class Html {

        @Test
        void takesMainTextTitleCanonicalLinkAndDropsScriptsAndNavigation() throws IOException {
            Article a = only(read("page.html", """
                    <!doctype html><html lang="uk-UA"><head><title>Site | Story</title>
                    <meta property="og:title" content="The story">
                    <link rel="canonical" href="https://example.org/story">
                    <meta property="article:published_time" content="2024-02-03T10:00:00Z">
                    <script>var secret = "do not include";</script><style>p{}</style></head>
                    <body><nav><a href="/">Home</a> menu text</nav>
                    <article><h1>The story</h1><p>First <b>paragraph</b>.</p><script>alert(1)</script>
                    <p>Second paragraph with <a href="https://example.org/ref">a reference</a>.</p>
                    <aside>Related: other stories</aside></article>
                    <footer>Copyright</footer></body></html>
                    """));
            assertThat(a.title()).isEqualTo("The story");
            assertThat(a.url()).isEqualTo("https://example.org/story");
            assertThat(a.date()).isEqualTo(LocalDate.of(2024, 2, 3));
            assertThat(a.declaredLanguage()).isEqualTo("uk");
            assertThat(a.text()).isEqualTo("First paragraph.\n\nSecond paragraph with a reference.");
            assertThat(a.links()).containsExactly("https://example.org/ref");
        }

        @Test
        void pageOfOnlyScriptsHasNoArticleText() throws IOException {
            assertThat(
                            onlyError(
                                    read(
                                            "js.html",
                                            "<html><body><script>document.write('x')</script><noscript>enable js</noscript></body></html>")))
                    .contains("no article text");
        }
    }

    @Test
    void unsupportedFileTypeIsReportedWithTheSupportedOnes() throws IOException {
        assertThat(onlyError(read("photo.png", "x")))
                .contains("unsupported file type")
                .contains(".jsonl");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedWithoutReadingIt() throws IOException {
        ArticleFileReader small = new ArticleFileReader(100);
        Files.writeString(dir.resolve("big.txt"), "date 2024-05-01 " + "word ".repeat(100));
        List<ArticleInput> inputs = small.read(dir, "big.txt");
        assertThat(onlyError(inputs)).contains("over the limit of 100 bytes").contains("max-file-bytes");
    }

    @Test
    void brokenAndLoopingSymbolicLinksAreReported() throws IOException {
        Files.createSymbolicLink(dir.resolve("loop.txt"), dir.resolve("loop.txt"));
        Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nowhere.txt"));
        assertThat(onlyError(reader.read(dir, "loop.txt"))).contains("symbolic link");
        assertThat(onlyError(reader.read(dir, "gone.txt"))).contains("symbolic link");
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() {
        assertThat(onlyError(reader.read(dir, "../outside.txt")))
                .contains("not a file directly inside the input folder");
    }

    @Test
    void listsVisibleFilesSortedAndSkipsHiddenOnesAndFolders() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "x");
        Files.writeString(dir.resolve("a.json"), "x");
        Files.writeString(dir.resolve(".swp"), "x");
        Files.createDirectory(dir.resolve("sub"));
        assertThat(ArticleFiles.list(dir)).containsExactly("a.json", "b.txt");
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheInputFolderIsRefusedUnlessTheJobFileAllowsIt(@TempDir Path elsewhere)
            throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "date 2024-05-01 Not an article of this day.");
        Files.createSymbolicLink(input.resolve("leak.txt"), secret);
        Files.writeString(input.resolve("real.txt"), "date 2024-05-01 An article of this day.");
        Files.createSymbolicLink(input.resolve("alias.txt"), input.resolve("real.txt"));

        assertThat(onlyError(reader.read(input, "leak.txt")))
                .contains("leak.txt: a symbolic link to a file outside the input folder")
                .contains("input-links: follow");
        assertThat(only(reader.read(input, "alias.txt")).text()).isEqualTo("An article of this day.");
        ArticleFileReader following = new ArticleFileReader(ArticleFileReader.DEFAULT_MAX_FILE_BYTES, true);
        assertThat(only(following.read(input, "leak.txt")).text()).isEqualTo("Not an article of this day.");
    }
}
