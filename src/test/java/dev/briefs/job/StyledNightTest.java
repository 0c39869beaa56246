package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.style.StyleReport;
import dev.briefs.support.Outputs;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A night held to a house style (docs/style.md), over real news from {@code ../shared/corpus} with the style's terms
 * planted in it: WMT22 sentences in English and Ukrainian, each article with one planted sentence. Tiny models
 * translate both ways; the summaries are extractive, so they are the articles' own sentences. Every translation of a
 * source with a term must hold the style's rendering, forced by constrained beam search; no forbidden variant may be
 * left in any brief; a term the model cannot write is said in the brief; and a changed style file makes again only
 * the model work of the articles it concerns.
 */
class StyledNightTest {

    static final String DATE = "2026-12-01";
    static final int ARTICLES = 12;

    /** One planted sentence an article, by turns: each term in several articles, and some in none. */
    static final List<String> PLANTED_EN = List.of(
            "The Armed Forces said so in Kiev.",
            "Ukrinform reported it from Kiev.",
            "Hikers were rescued in the Gorgany.",
            "The Armed Forces said so in Kiev.",
            "Ukrinform reported it from Kiev.",
            "Officials met in Kharkov.");

    static final List<String> PLANTED_UK = List.of(
            "ЗСУ заявили про це у Києві.",
            "Про це повідомили у Кіровограді.",
            "ЗСУ заявили про це у Кіровограді.",
            "Про це повідомили у Запоріжжі.",
            "ЗСУ заявили про це у Києві.",
            "Про це повідомили у Кіровограді.");

    static final String STYLE = """
            languages:
              en:
                use:
                  Kyiv: [Kiev]
                  Kharkiv: [Kharkov]
                keep: [Ukrinform]
              uk:
                use:
                  Кропивницький: [Кіровоград]
            pairs:
              uk-en:
                use:
                  "the Armed Forces of Ukraine": [ЗСУ]
                  Kyiv: [Київ]
              en-uk:
                use:
                  Київ: [Kyiv]
                  Харків: [Kharkiv]
                  Ґорґани: [Gorgany]
            """;

    /** The same style with one more term, which one Ukrainian article has. */
    static final String STYLE_WITH_ZAPORIZHZHIA = STYLE.replace("""
                  Kyiv: [Київ]
            """, """
                  Kyiv: [Київ]
                  Zaporizhzhia: [Запоріжжя]
            """);

    /** The Ukrainian cases of Київ, as a reader would accept each. */
    static final List<String> KYIV_UK = List.of("Київ", "Києва", "Києву", "Києві", "Києвом", "Києве");

    @TempDir
    static Path root;

    static Path job;
    static JobSettings settings;
    static Calls firstCalls;
    static Map<String, Brief> briefs;

    /** Each real model call (the cache's hits are none): its model and its texts. */
    static final class Calls implements ModelDecorator {

        record Call(String model, List<String> texts, List<List<String>> forced, String step) {

            Call(String model, List<String> texts, List<List<String>> forced) {
                this(model, texts, forced, stepName());
            }
        }

        final Queue<Call> made = new ConcurrentLinkedQueue<>();

        @Override
        public TextGenerator decorate(String name, TextGenerator real) {
            return new ForwardingTextGenerator(real) {
                @Override
                public Seq2SeqGenerator.Result generate(String text, String source, String target) {
                    made.add(new Call(name, List.of(text), List.of()));
                    return delegate.generate(text, source, target);
                }

                @Override
                public List<Seq2SeqGenerator.Result> generateBatch(
                        List<String> texts, String source, String target, int padTo) {
                    made.add(new Call(name, List.copyOf(texts), List.of()));
                    return delegate.generateBatch(texts, source, target, padTo);
                }

                @Override
                public List<Seq2SeqGenerator.Result> generateBatch(
                        List<String> texts, String source, String target, int padTo, List<List<String>> forced) {
                    if (forced.isEmpty()) {
                        return generateBatch(texts, source, target, padTo);
                    }
                    made.add(new Call(name, List.copyOf(texts), forced));
                    return delegate.generateBatch(texts, source, target, padTo, forced);
                }
            };
        }
    }

    private static String stepName() {
        StepContext step = StepSynchronizationManager.getContext();
        return step == null ? "(none)" : step.getStepName();
    }

    @BeforeAll
    static void styledNight() throws IOException {
        SharedCorpus.dir();
        writeArticles(TestJobs.inputDir(root, DATE));
        Path models = root.resolve("models");
        // Eight beams, not the fixtures' four: a random-weight model rarely finishes an eleven-token phrase such as
        // "the Armed Forces of Ukraine" in its 32 tokens with four, and transformers' own constrained search gives
        // the same unfinished output then (ConstrainedBeamSearchParityTest holds the engine to it token for token).
        for (String pair : List.of("en-uk", "uk-en")) {
            Path installed = TinyModels.install("tiny-marian-" + pair, models, "opus-mt-" + pair);
            Path generation = installed.resolve("generation_config.json");
            Files.writeString(generation, Files.readString(generation).replace("\"num_beams\": 4", "\"num_beams\": 8"));
            assertThat(Files.readString(generation)).contains("\"num_beams\": 8");
        }
        Files.writeString(root.resolve("style.yaml"), STYLE);
        job = TestJobs.write(root, """
                style: %s
                brief:
                  max-words: 400
                chunk:
                  max-tokens: 24
                partitions: 1
                """.formatted(root.resolve("style.yaml")));
        settings = resolve();
        firstCalls = new Calls();
        JobRunner.Outcome outcome = run(settings, firstCalls);
        assertThat(outcome.report().allComplete())
                .as(String.valueOf(outcome.failure()))
                .isTrue();
        assertThat(firstCalls.made)
                .as("the planning step forces the same words into the same chunks as the brief step would: the brief"
                        + " step finds every output in the cache")
                .isNotEmpty()
                .allSatisfy(
                        call -> assertThat(call.step()).startsWith(NightlyJobConfiguration.PLANNING_WORKER_STEP + ":"))
                .anySatisfy(call -> assertThat(call.forced()).isNotEmpty());
        briefs = new LinkedHashMap<>();
        BriefFiles.readAll(settings.folders().output()).forEach(b -> briefs.put(b.id(), b));
        assertThat(briefs).hasSize(ARTICLES);
    }

    /** The job file, with the style file as it is now. */
    static JobSettings resolve() throws IOException {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    static JobRunner.Outcome run(JobSettings settings, ModelDecorator decorator) {
        return JobRunner.runNightly(
                settings,
                true,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
    }

    /** Title and three WMT22 sentences, the planted one second, so that the extractive summary is likely to keep it. */
    static void writeArticles(Path folder) throws IOException {
        List<String> english = Files.readAllLines(SharedCorpus.file("wmt22-en-uk.src.en"));
        List<String> ukrainian = Files.readAllLines(SharedCorpus.file("wmt22-uk-en.src.uk"));
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < ARTICLES; i++) {
            boolean en = i % 2 == 0;
            List<String> lines = en ? english : ukrainian;
            String planted = (en ? PLANTED_EN : PLANTED_UK).get(i / 2);
            int from = 40 + 9 * i; // far apart in the corpus, so no two articles share a sentence
            ObjectNode article = json.createObjectNode();
            article.put("title", lines.get(from));
            article.put("maintext", String.join("\n", lines.get(from + 1), planted, lines.get(from + 2)));
            Files.writeString(folder.resolve("s%02d.json".formatted(i)), json.writeValueAsString(article));
        }
    }

    /**
     * Constrained beam search forces tokens, as transformers does, not words: a random-weight model may write the
     * forced "▁Київ" and glue its next piece to it ("Київпопо"). So the forced tokens must be in every translation
     * whose source has the term, and the style check, which reads words, must then either find the term or report
     * it missing and make the brief doubtful: never a miss that nothing says.
     */
    @Test
    void everyTranslationOfATermHoldsTheForcedRenderingAndTheCheckSaysWhetherItStandsAsAWord() {
        List<String> compliance = new ArrayList<>();
        int translations = 0;
        int held = 0;
        for (Brief b : briefs.values()) {
            String en = b.briefs().get("en").text();
            String uk = b.briefs().get("uk").text();
            assertThat(en).as(b.id()).isNotNull().doesNotContain("Kiev").doesNotContain("Kharkov");
            assertThat(uk).as(b.id()).isNotNull().doesNotContain("Кіровоград");
            boolean english = b.language().equals("en");
            String source = english ? en : uk;
            String translation = english ? uk : en;
            List<String> forced = new ArrayList<>();
            if (!english && source.contains("ЗСУ")) {
                forced.add("the Armed Forces of Ukraine");
                assertThat(translation).as(b.id()).contains("the Armed Forces of Ukraine");
            }
            if (!english && KYIV_UK.stream().anyMatch(source::contains)) {
                forced.add("Kyiv");
                assertThat(translation).as(b.id()).contains("Kyiv");
            }
            if (english && source.contains("Kyiv")) {
                forced.add("Київ");
                assertThat(KYIV_UK).as(b.id() + ": " + translation).anyMatch(translation::contains);
            }
            if (english && source.contains("Ukrinform")) {
                forced.add("Ukrinform");
                assertThat(translation).as(b.id()).contains("Ukrinform");
            }
            Brief.LanguageBrief translated = b.briefs().get(english ? "uk" : "en");
            StyleReport style = translated.style();
            for (String term : forced) {
                assertThat(style.required().contains(term) || style.keep().contains(term))
                        .as(b.id() + ": " + term + " in " + style)
                        .isTrue();
                boolean asAWord = style.found().contains(term)
                        || style.keep().contains(term) && !style.lost().contains(term);
                if (!asAWord) {
                    assertThat(translated.doubtful())
                            .as(b.id())
                            .anySatisfy(reason -> assertThat(reason).startsWith("style: \"" + term + "\""));
                }
                compliance.add(b.id() + " " + term + (asAWord ? " held" : " forced, not a word: doubtful"));
            }
            translations += forced.isEmpty() ? 0 : 1;
            held += !forced.isEmpty() && style.held() ? 1 : 0;
        }
        System.out.println("style compliance: " + compliance);
        // Planted in 5 of the 6 articles of each language; the extractive summaries keep most of them.
        assertThat(translations).as(compliance.toString()).isGreaterThanOrEqualTo(6);
        assertThat(held)
                .as("held as words, of the translations with terms: " + compliance)
                .isGreaterThanOrEqualTo(translations / 2);
    }

    @Test
    void forbiddenVariantsInTheSummariesAreReplacedAndRecorded() {
        List<String> replaced = new ArrayList<>();
        for (Brief b : briefs.values()) {
            Brief.LanguageBrief own = b.briefs().get(b.language());
            own.style().replaced().forEach(r -> replaced.add(r.from() + " → " + r.to()));
            assertThat(own.style().held()).as(b.id() + ": " + own.style()).isTrue();
        }
        assertThat(replaced)
                .as("Kiev, Kharkov and Кіровоград were planted; each that a summary kept is replaced in its case")
                .contains("Kiev → Kyiv", "Кіровограді → Кропивницькому");
    }

    @Test
    void aTermTheModelCannotWriteIsSaidInTheBriefAndMakesItDoubtful() throws IOException {
        Brief gorgany = briefs.get("s04");
        assertThat(gorgany.briefs().get("en").text()).contains("Gorgany");
        Brief.LanguageBrief uk = gorgany.briefs().get("uk");
        assertThat(gorgany.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.STYLE_NOT_FORCED))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.language()).isEqualTo("uk");
                    assertThat(d.detail()).contains("\"Ґорґани|", "opus-mt-en-uk cannot write it");
                });
        assertThat(uk.style().held()).isFalse();
        assertThat(uk.style().missing()).containsExactly("Ґорґани");
        assertThat(uk.doubtful()).contains("style: \"Ґорґани\" required, missing");

        String md = Files.readString(settings.folders().output().resolve("s04.md"));
        assertThat(md)
                .contains("House style not held")
                .contains("missing \"Ґорґани\"")
                .contains("was not forced into the translation");
        String digest = Files.readString(settings.folders().output().resolve("digest.md"));
        assertThat(digest).contains("House style: ").contains("missing \"Ґорґани\"");
        JsonNode report = JsonMapper.builder()
                .build()
                .readTree(settings.folders().output().resolve("report.json").toFile());
        assertThat(report.get("style").get("checked").asInt()).isEqualTo(2 * ARTICLES);
        assertThat(report.get("style").get("missing").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aChangedStyleFileMakesAgainOnlyTheModelWorkOfTheArticlesItConcerns() throws IOException {
        Map<String, String> before = Outputs.snapshot(settings.folders().output());
        List<String> affected = briefs.values().stream()
                .filter(b ->
                        b.language().equals("uk") && b.briefs().get("uk").text().contains("Запоріжж"))
                .map(Brief::id)
                .toList();
        assertThat(affected).as("the article Запоріжжя was planted in").hasSize(1);
        Files.writeString(root.resolve("style.yaml"), STYLE_WITH_ZAPORIZHZHIA);
        Calls again = new Calls();
        try {
            assertThat(run(resolve(), again).report().allComplete()).isTrue();
            Map<String, String> after = Outputs.snapshot(settings.folders().output());
            Brief changed = BriefFiles.read(settings.folders().output(), affected.get(0));
            assertThat(changed.briefs().get("en").text()).contains("Zaporizhzhia");
            // Only the chunk with the new term is translated again, and its translation translated back.
            assertThat(again.made)
                    .isNotEmpty()
                    .allSatisfy(call -> assertThat(call.texts())
                            .allSatisfy(text -> assertThat(text.contains("Запоріжж")
                                            || changed.briefs().get("en").text().contains(text))
                                    .as(text)
                                    .isTrue()));
            for (Brief b : briefs.values()) {
                if (!affected.contains(b.id())) {
                    assertThat(after.get(b.id() + ".json")).as(b.id()).isEqualTo(before.get(b.id() + ".json"));
                }
            }
            assertThat(after.get(affected.get(0) + ".json")).isNotEqualTo(before.get(affected.get(0) + ".json"));
        } finally {
            Files.writeString(root.resolve("style.yaml"), STYLE);
        }
    }
}
