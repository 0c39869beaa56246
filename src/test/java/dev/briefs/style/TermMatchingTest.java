package dev.briefs.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefs.style.Occurrence.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding the style's terms in text: Ukrainian through VESUM's lemmas (every case of "Київ", "Харків",
 * "Верховна Рада"), capitals as the term writes them, English word forms with the possessive.
 */
class TermMatchingTest {

    private static final HouseStyle STYLE = TestStyles.HOUSE;

    /** The texts of the occurrences of one kind, as the text writes them. */
    private static List<String> found(String text, String language, Kind kind) {
        return STYLE.find(text, language).stream()
                .filter(o -> o.kind() == kind)
                .map(Occurrence::text)
                .toList();
    }

    private static List<String> terms(String text, String language, Kind kind) {
        return STYLE.find(text, language).stream()
                .filter(o -> o.kind() == kind)
                .map(Occurrence::term)
                .toList();
    }

    @Test
    void everyCaseOfKyivAndKharkivIsOneTerm() {
        String text = "Київ прокинувся. До Києва прибули гості, Києву допомогли, за Києвом стоїть Харків,"
                + " а в Києві і Харкові тихо. Поїзд з Харкова запізнився.";
        assertThat(found(text, "uk", Kind.SOURCE_TERM))
                .containsExactly("Київ", "Києва", "Києву", "Києвом", "Харків", "Києві", "Харкові", "Харкова");
        assertThat(terms(text, "uk", Kind.SOURCE_TERM))
                .containsExactly("Київ", "Київ", "Київ", "Київ", "Харків", "Київ", "Харків", "Харків");
    }

    @Test
    void aMultiWordTermMatchesInEveryCase() {
        String text = "Верховна Рада ухвалила закон. Депутати Верховної Ради зібралися у Верховній Раді,"
                + " щоб Верховну Раду почули.";
        assertThat(found(text, "uk", Kind.SOURCE_TERM))
                .containsExactly("Верховна Рада", "Верховної Ради", "Верховній Раді", "Верховну Раду");
    }

    @Test
    void anAcronymMatchesInCapitalsOnly() {
        String text = "ЗСУ звільнили село. Речник ЗСУ сказав: «зсу» — це помилка набору.";
        assertThat(found(text, "uk", Kind.SOURCE_TERM)).containsExactly("ЗСУ", "ЗСУ");
    }

    @Test
    void otherWordsOfTheSameStemAndOtherCapitalsDoNotMatch() {
        String text = "Київська область, київський торт, Київщина. Рада безпеки засідала, а верховна рада"
                + " школи ні; Верховний Суд мовчав. Харківський університет.";
        assertThat(STYLE.find(text, "uk")).isEmpty();
    }

    @Test
    void aTermMatchesAcrossALineBreak() {
        assertThat(found("Депутати Верховної\nРади проголосували.", "uk", Kind.SOURCE_TERM))
                .containsExactly("Верховної\nРади");
    }

    @Test
    void englishVariantsMatchAsWrittenAndWithThePossessive() {
        String text = "Kiev's mayor said Kiev and Kharkov were calm; Kievan Rus and KIEV and kiev are other words.";
        List<Occurrence> variants = STYLE.find(text, "en").stream()
                .filter(o -> o.kind() == Kind.VARIANT)
                .toList();
        assertThat(variants).extracting(Occurrence::text).containsExactly("Kiev", "Kiev", "Kharkov");
        assertThat(variants.get(0).start()).isZero();
        assertThat(variants.get(0).end()).as("the 's stays outside").isEqualTo(4);
        assertThat(variants.get(1).start()).isEqualTo(text.indexOf("Kiev and"));
    }

    @Test
    void aTermInLowerCaseMatchesCapitalisedOnlyWhereItOpensASentence() {
        String text = "The Rada voted. Then the Rada met, and the\nRada adjourned; Lower the Rada? no: The Rada.";
        assertThat(STYLE.find(text, "en").stream()
                        .filter(o -> o.kind() == Kind.VARIANT)
                        .map(o -> text.substring(o.start(), o.end())))
                .containsExactly("The Rada", "the Rada", "the\nRada", "the Rada", "The Rada");
        assertThat(found("Ministers asked The Rada to vote.", "en", Kind.VARIANT))
                .as("capitalised inside a sentence: not the term")
                .isEmpty();
    }

    @Test
    void everyKindIsFoundWhereItIsAndAKeptNameAsAWhole() {
        // "Kiev" is a variant in English and a source term of the en-uk pair; the replacement leaves it, kept
        assertThat(STYLE.find("Dynamo Kiev won.", "en"))
                .extracting(Occurrence::kind, Occurrence::text, Occurrence::start)
                .containsExactly(
                        tuple(Kind.KEEP, "Dynamo Kiev", 0),
                        tuple(Kind.VARIANT, "Kiev", 7),
                        tuple(Kind.SOURCE_TERM, "Kiev", 7));
    }
}
