package dev.briefs.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check after generation on planted texts: which terms a brief had to use, found, missing, forbidden
 * variants left, kept terms lost; and the words a translation of one input is to be forced to use.
 */
class StyleCheckTest {

    private static final HouseStyle STYLE = TestStyles.HOUSE;
    private static final String SOURCE = "ЗСУ звільнили Харків. Верховна Рада схвалила закон.";

    @Test
    void aTranslationMissingItsRenderingsAndKeepingAVariantIsReported() {
        String brief = "The Armed Forces of Ukraine liberated Kharkov. The Rada passed the law.";
        StyleReport report = STYLE.check(SOURCE, "uk", brief, "en");
        assertThat(report.required())
                .as("in the style's order; Kyiv is not in the source")
                .containsExactly("the Armed Forces of Ukraine", "the Verkhovna Rada", "Kharkiv");
        assertThat(report.found()).containsExactly("the Armed Forces of Ukraine");
        assertThat(report.missing()).containsExactly("the Verkhovna Rada", "Kharkiv");
        assertThat(report.forbiddenLeft())
                .containsExactly(
                        new StyleReport.Left("Kharkov", "Kharkiv", brief.indexOf("Kharkov")),
                        new StyleReport.Left("The Rada", "the Verkhovna Rada", brief.indexOf("The Rada")));
        assertThat(report.held()).isFalse();
    }

    @Test
    void aTranslationThatUsesEveryRenderingHeld() {
        String brief = "The Armed Forces of Ukraine liberated Kharkiv. The Verkhovna Rada passed the law.";
        StyleReport report = STYLE.check(SOURCE, "uk", brief, "en");
        assertThat(report.found()).containsExactlyElementsOf(report.required()).hasSize(3);
        assertThat(report.missing()).isEmpty();
        assertThat(report.forbiddenLeft()).isEmpty();
        assertThat(report.held()).isTrue();
    }

    @Test
    void aSummaryInItsSourcesLanguageOwesTheFormsOfTheVariantsItsSourceHas() {
        String source = "Завод у Кіровограді закрили. Робітники поїхали до Бахмута.";
        StyleReport kept = STYLE.check(source, "uk", "Завод у Кіровограді закрили.", "uk");
        assertThat(kept.required()).containsExactly("Кропивницький", "Бахмут");
        assertThat(kept.missing()).containsExactly("Кропивницький", "Бахмут");
        assertThat(kept.forbiddenLeft()).containsExactly(new StyleReport.Left("Кіровограді", "Кропивницький", 8));

        String replaced = STYLE.replace("Завод у Кіровограді закрили, робітники в Бахмуті.", "uk")
                .text();
        StyleReport held = STYLE.check(source, "uk", replaced, "uk");
        assertThat(held.found()).as("found in any case: " + replaced).containsExactly("Кропивницький", "Бахмут");
        assertThat(held.held()).isTrue();
    }

    @Test
    void aKeptTermOfTheSourceMustSurviveTheTranslationAsWritten() {
        String source = "Ukrainska Pravda reported from Kyiv.";
        StyleReport lost = STYLE.check(source, "en", "Українська правда повідомила з Києва.", "uk");
        assertThat(lost.keep()).containsExactly("Ukrainska Pravda");
        assertThat(lost.lost()).containsExactly("Ukrainska Pravda");
        assertThat(lost.required()).containsExactly("Київ");
        assertThat(lost.found()).as("Києва is Київ").containsExactly("Київ");
        assertThat(lost.held()).isFalse();

        StyleReport kept = STYLE.check(source, "en", "Ukrainska Pravda повідомила з Києва.", "uk");
        assertThat(kept.lost()).isEmpty();
        assertThat(kept.held()).isTrue();
    }

    @Test
    void aBriefWithNothingToOweHeld() {
        StyleReport report = STYLE.check("Погода гарна.", "uk", "The weather is fine.", "en");
        assertThat(report.required()).isEmpty();
        assertThat(report.held()).isTrue();
    }

    @Test
    void theReportIsPlainJson() {
        StyleReport report = STYLE.check(SOURCE, "uk", "The Rada met in Kharkiv.", "en");
        JsonNode json = JsonMapper.builder().build().valueToTree(report);
        assertThat(json.get("held").asBoolean()).isFalse();
        assertThat(json.get("missing").get(0).asString()).isEqualTo("the Armed Forces of Ukraine");
        assertThat(json.get("forbiddenLeft").get(0).get("form").asString()).isEqualTo("the Verkhovna Rada");
        assertThat(JsonMapper.builder().build().treeToValue(json, StyleReport.class))
                .isEqualTo(report);
    }

    @Test
    void aTranslationIsForcedToUseOnlyTheRenderingsOfTermsItsInputHas() {
        assertThat(STYLE.forceWords("Верховна Рада і ЗСУ.", "uk", "en"))
                .containsExactly(List.of("the Armed Forces of Ukraine"), List.of("the Verkhovna Rada"));
        assertThat(STYLE.forceWords("Погода гарна.", "uk", "en")).isEmpty();
    }

    @Test
    void intoUkrainianEveryCaseOfAFormIsAccepted() {
        List<List<String>> forced = STYLE.forceWords("Ukrainska Pravda reported from Kiev.", "en", "uk");
        assertThat(forced).hasSize(2);
        assertThat(forced.get(0))
                .as("the base form first, then the other cases, which the sentence chooses from")
                .startsWith("Київ")
                .contains("Києва", "Києву", "Києвом", "Києві")
                .doesNotHaveDuplicates();
        assertThat(forced.get(1)).as("a kept term, as written").containsExactly("Ukrainska Pravda");
    }

    @Test
    void severalAcceptedFormsMakeOneDisjunctiveConstraint() {
        HouseStyle example = HouseStyle.of(StyleFiles.read(Path.of("jobs/style-example.yaml")));
        List<List<String>> forced = example.forceWords("The Ukrainian Armed Forces held.", "en", "uk");
        assertThat(forced).hasSize(1);
        assertThat(forced.get(0)).startsWith("Збройні сили України").contains("Збройних сил України", "ЗСУ");
        StyleReport report =
                example.check("The Ukrainian Armed Forces held.", "en", "Бійці ЗСУ втримали позиції.", "uk");
        assertThat(report.required()).containsExactly("Збройні сили України | ЗСУ");
        assertThat(report.held()).as("either accepted form satisfies it").isTrue();
    }
}
