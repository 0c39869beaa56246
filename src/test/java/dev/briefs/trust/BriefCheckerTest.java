package dev.briefs.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.check.CheckKind;
import dev.briefs.check.CheckResult;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.eval.CorpusChrf;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.support.TinyModels;
import dev.briefs.translate.ModelTranslators;
import dev.briefs.translate.Translator;
import dev.briefs.trust.CheckSettings.RoundTripMode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the checks make of a language brief: a planted wrong number makes it doubtful with the number
 * quoted, a low confidence or round trip does by the thresholds, a language the fact checks cannot
 * read is recorded as not checked, and a round trip is measured through the real translator (the
 * tiny models' text is meaningless, but it is their real output) or recorded as not measured, why.
 */
class BriefCheckerTest {

    private static final String ARTICLE =
            "The port of Chornomorsk reopened on Thursday after repairs. It handled 120 ships "
                    + "in May and 95 ships in June. Farmers welcomed the news, the port authority said.";
    private static final String SUMMARY_EN = "The port of Chornomorsk reopened on Thursday after repairs.";
    private static final String SUMMARY_UK = "Порт Чорноморська відновив роботу в четвер після ремонту.";

    private static SentenceEmbeddingModel embeddings;
    private static RoundTripScorer scorer;

    @TempDir
    Path models;

    @BeforeAll
    static void load() {
        embeddings = SentenceEmbeddingModel.loadBundled();
        scorer = new RoundTripScorer(embeddings);
    }

    @AfterAll
    static void close() {
        embeddings.close();
    }

    private static CheckSettings settings(
            double minConfidence, RoundTripMode roundTrip, double minEmbedding, double minChrf) {
        return new CheckSettings(true, minConfidence, roundTrip, minEmbedding, minChrf, EnumSet.allOf(CheckKind.class));
    }

    private Translator translator() {
        GenerationModels installed = new GenerationModels(models);
        return new ModelTranslators(
                Map.of("en-uk", "opus-mt-en-uk", "uk-en", "opus-mt-uk-en"),
                installed,
                Integer.MAX_VALUE,
                new BatchedGeneration(BatchSettings.DEFAULTS, ModelCallRetry.ONCE));
    }

    @Test
    void aSummaryWithANumberItsArticleDoesNotHaveIsDoubtfulAndSaysWhich() {
        BriefChecker checker = new BriefChecker(CheckSettings.DEFAULTS, translator(), scorer);

        Trust planted = checker.summary(ARTICLE, "en", "The port of Chornomorsk handled 800 ships in May.");
        assertThat(planted.checks())
                .extracting(CheckResult::kind)
                .containsExactly(CheckKind.NUMBERS, CheckKind.NAMES, CheckKind.NEGATION);
        assertThat(planted.doubtful()).containsExactly("numbers: \"800\" not in the source");

        Trust faithful = checker.summary(ARTICLE, "en", "The port of Chornomorsk handled 120 ships in May.");
        assertThat(faithful.checks())
                .allSatisfy(r -> assertThat(r.passed()).as(r.kind().id()).isTrue());
        assertThat(faithful.doubtful()).isEmpty();
        assertThat(faithful.confidence())
                .as("a summary has no translation confidence")
                .isNull();
        assertThat(faithful.roundTrip()).isNull();
    }

    @Test
    void flagsOfACheckLeftOutOfDoubtOnAreRecordedAndShownButMakeNothingDoubtful() {
        CheckSettings namesOnly =
                new CheckSettings(true, -1.5, RoundTripMode.OFF, 0.6, 40, EnumSet.of(CheckKind.NAMES));
        Trust planted = new BriefChecker(namesOnly, translator(), scorer)
                .summary(ARTICLE, "en", "The port of Chornomorsk handled 800 ships in May.");
        CheckResult numbers = planted.checks().stream()
                .filter(r -> r.kind() == CheckKind.NUMBERS)
                .findFirst()
                .orElseThrow();
        assertThat(numbers.passed()).isFalse();
        assertThat(numbers.flagged()).extracting(f -> f.text()).containsExactly("800");
        assertThat(planted.doubtful()).isEmpty();
    }

    @Test
    void aTranslationIsCheckedAgainstTheSummaryItTranslatesAndItsConfidenceAgainstTheThreshold() {
        BriefChecker checker = new BriefChecker(settings(-1.5, RoundTripMode.OFF, 0.6, 40), translator(), scorer);
        List<Trust> trusts = checker.translations(List.of(
                new BriefChecker.Translated(
                        SUMMARY_EN, "en", "Порт Чорноморська прийняв 900 суден у травні.", "uk", -0.31234),
                new BriefChecker.Translated(SUMMARY_EN, "en", SUMMARY_UK, "uk", -2.4)));

        assertThat(trusts.get(0).doubtful()).contains("numbers: \"900\" not in the source");
        assertThat(trusts.get(0).confidence()).isEqualTo(-0.3123);
        assertThat(trusts.get(0).doubtful()).noneMatch(r -> r.startsWith("confidence"));
        assertThat(trusts.get(1).checks())
                .allSatisfy(r -> assertThat(r.passed()).as(r.kind().id()).isTrue());
        assertThat(trusts.get(1).doubtful()).containsExactly("confidence -2.40 below -1.50");
        assertThat(trusts)
                .allSatisfy(
                        t -> assertThat(t.roundTrip()).as("round trips are off").isNull());
    }

    @Test
    void aLanguageTheFactChecksCannotReadIsRecordedAsNotCheckedAndIsNoDoubt() {
        BriefChecker checker = new BriefChecker(settings(-1.5, RoundTripMode.OFF, 0.6, 40), translator(), scorer);
        Trust polish = checker.translations(List.of(new BriefChecker.Translated(
                        SUMMARY_UK, "uk", "Port w Czarnomorsku wznowił pracę w czwartek.", "pl", Double.NaN)))
                .get(0);

        assertThat(polish.checks()).isNull();
        assertThat(polish.checksNotRun()).contains("'pl'").contains("en, uk");
        assertThat(polish.confidence()).as("unknown").isNull();
        assertThat(polish.doubtful()).isEmpty();
        assertThat(checker.summary("Port w Czarnomorsku wznowił pracę.", "pl", "Port wznowił pracę.")
                        .checksNotRun())
                .contains("'pl'");
    }

    @Test
    void withoutARouteBackTheRoundTripIsNotMeasuredWhenAskedForAndLeftOutByDefault() {
        BriefChecker asked = new BriefChecker(settings(-1.5, RoundTripMode.ON, 0.6, 40), translator(), scorer);
        RoundTrip trip = asked.translations(
                        List.of(new BriefChecker.Translated(SUMMARY_EN, "en", SUMMARY_UK, "uk", -0.2)))
                .get(0)
                .roundTrip();
        assertThat(trip.measured()).isFalse();
        assertThat(trip.notMeasured())
                .startsWith("translating back from uk to en failed: model not installed: opus-mt-uk-en")
                .contains("models fetch opus-mt-uk-en");

        BriefChecker byDefault = new BriefChecker(CheckSettings.DEFAULTS, translator(), scorer);
        assertThat(byDefault
                        .translations(List.of(new BriefChecker.Translated(SUMMARY_EN, "en", SUMMARY_UK, "uk", -0.2)))
                        .get(0)
                        .roundTrip())
                .isNull();
    }

    @Test
    void aRoundTripIsTranslatedBackByTheModelsAndScoredByEmbeddingForEnglishAndByChrfOtherwise() {
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        Translator translator = translator();
        // Thresholds no round trip reaches: each measured one is doubtful.
        BriefChecker checker = new BriefChecker(settings(-1.5, RoundTripMode.AUTO, 1, 100), translator, scorer);

        List<Trust> trusts = checker.translations(List.of(
                new BriefChecker.Translated(SUMMARY_EN, "en", SUMMARY_UK, "uk", -0.2),
                new BriefChecker.Translated(SUMMARY_UK, "uk", SUMMARY_EN, "en", -0.2)));

        RoundTrip intoEnglish = trusts.get(0).roundTrip();
        String back = translator.translate(SUMMARY_UK, "uk", "en").text();
        assertThat(intoEnglish.text()).isEqualTo(back);
        assertThat(intoEnglish.model()).isEqualTo("opus-mt-uk-en");
        assertThat(intoEnglish.measure()).isEqualTo(RoundTrip.EMBEDDING);
        assertThat(intoEnglish.score()).isCloseTo(scorer.score(SUMMARY_EN, back, "en"), within(0.00005));
        assertThat(trusts.get(0).doubtful())
                .containsExactly("round trip " + twoDecimals(intoEnglish.score()) + " below 1.00 (embedding)");

        RoundTrip intoUkrainian = trusts.get(1).roundTrip();
        String backUk = translator.translate(SUMMARY_EN, "en", "uk").text();
        assertThat(intoUkrainian.text()).isEqualTo(backUk);
        assertThat(intoUkrainian.measure()).isEqualTo(RoundTrip.CHRF);
        assertThat(intoUkrainian.score())
                .isCloseTo(CorpusChrf.chrf().score(List.of(backUk), List.of(SUMMARY_UK)), within(0.00005));
        assertThat(trusts.get(1).doubtful())
                .contains("round trip " + twoDecimals(intoUkrainian.score()) + " below 100.00 (chrF)");
    }

    @Test
    void theRoundTripMeasuresSayWhatTheyShould() {
        assertThat(scorer.score(SUMMARY_EN, SUMMARY_EN, "en")).isCloseTo(1.0, within(1e-5));
        assertThat(scorer.score(
                        SUMMARY_EN, "The port in Chornomorsk opened again on Thursday once repairs were done.", "en"))
                .isGreaterThan(scorer.score(SUMMARY_EN, "A new library opens at night for students in Lviv.", "en"));
        assertThat(scorer.score(SUMMARY_UK, SUMMARY_UK, "uk")).isEqualTo(100.0);
        assertThat(scorer.score(SUMMARY_UK, "Бібліотека у Львові працюватиме вночі.", "uk"))
                .isLessThan(40);
    }

    @Test
    void checksOffCheckNothing() {
        assertThat(BriefChecker.OFF.summary(ARTICLE, "en", SUMMARY_EN)).isNull();
        assertThat(BriefChecker.OFF.translations(
                        List.of(new BriefChecker.Translated(SUMMARY_EN, "en", SUMMARY_UK, "uk", -0.2))))
                .containsExactly((Trust) null);
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
