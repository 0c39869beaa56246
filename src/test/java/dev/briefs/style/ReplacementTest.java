package dev.briefs.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefs.style.Replacement.Inflection;
import org.junit.jupiter.api.Test;

/**
 * Replacing forbidden variants in a text of their own language: the form in the variant's case where VESUM
 * knows it, the base form with a note where it does not, a kept term left alone.
 */
class ReplacementTest {

    private static final HouseStyle STYLE = TestStyles.HOUSE;

    @Test
    void englishVariantsBecomeTheirFormsKeepingThePossessive() {
        String text = "Kiev's mayor met Zelensky in Kharkov.";
        Replaced replaced = STYLE.replace(text, "en");
        assertThat(replaced.text()).isEqualTo("Kyiv's mayor met Zelenskyy in Kharkiv.");
        assertThat(replaced.replacements())
                .containsExactly(
                        new Replacement("Kiev", "Kyiv", 0, Inflection.NOT_NEEDED, ""),
                        new Replacement("Zelensky", "Zelenskyy", text.indexOf("Zelensky"), Inflection.NOT_NEEDED, ""),
                        new Replacement("Kharkov", "Kharkiv", text.indexOf("Kharkov"), Inflection.NOT_NEEDED, ""));
    }

    @Test
    void aVariantOpeningASentenceGivesACapitalisedForm() {
        Replaced replaced = STYLE.replace("The Rada voted. Later the Rada met.", "en");
        assertThat(replaced.text()).isEqualTo("The Verkhovna Rada voted. Later the Verkhovna Rada met.");
        assertThat(replaced.replacements())
                .extracting(Replacement::from, Replacement::to)
                .containsExactly(tuple("The Rada", "The Verkhovna Rada"), tuple("the Rada", "the Verkhovna Rada"));
    }

    @Test
    void aKeptTermIsNeverChanged() {
        Replaced replaced = STYLE.replace("Dynamo Kiev beat Shakhtar in Kiev.", "en");
        assertThat(replaced.text()).isEqualTo("Dynamo Kiev beat Shakhtar in Kyiv.");
        assertThat(replaced.replacements()).hasSize(1);

        Replaced oblast = STYLE.replace("Дніпропетровська область і Дніпропетровськ.", "uk");
        assertThat(oblast.text())
                .as("the oblast kept its name; only the city was renamed")
                .isEqualTo("Дніпропетровська область і Дніпро.");
    }

    @Test
    void aUkrainianVariantBecomesItsFormInTheSameCase() {
        // the cases as any Ukrainian grammar gives them: genitive, locative, instrumental, nominative
        assertReplaced("Потяг з Кіровограда прибув.", "Потяг з Кропивницького прибув.");
        assertReplaced("Завод у Кіровограді закрили.", "Завод у Кропивницькому закрили.");
        assertReplaced("Кіровоград святкує.", "Кропивницький святкує.");
        assertReplaced("Бої під Артемівськом тривають.", "Бої під Бахмутом тривають.");
        assertReplaced("Мер Дніпропетровська виступив.", "Мер Дніпра виступив.");
    }

    private static void assertReplaced(String text, String expected) {
        Replaced replaced = STYLE.replace(text, "uk");
        assertThat(replaced.text()).isEqualTo(expected);
        assertThat(replaced.replacements()).hasSize(1);
        Replacement r = replaced.replacements().get(0);
        assertThat(r.inflection()).as(r.note()).isEqualTo(Inflection.INFLECTED);
        assertThat(r.offset()).isEqualTo(text.indexOf(r.from()));
        assertThat(r.note()).isEmpty();
    }

    @Test
    void aPrepositionTellsTheCaseOfAFormSharedByTwoCases() {
        // "Дніпропетровську" is dative and locative alike; "у" takes the locative, not the dative
        Replaced replaced = STYLE.replace("Завод у Дніпропетровську працює.", "uk");
        assertThat(replaced.replacements()).extracting(Replacement::inflection).containsExactly(Inflection.INFLECTED);
        // the locative has two forms, both standard Ukrainian
        assertThat(replaced.text()).isIn("Завод у Дніпрі працює.", "Завод у Дніпрові працює.");
    }

    @Test
    void aVariantTheDictionaryDoesNotKnowBecomesTheBaseFormAndSaysSo() {
        Replaced replaced = STYLE.replace("Як повідомляє Ukrinform, бої тривають.", "uk");
        assertThat(replaced.text()).isEqualTo("Як повідомляє Укрінформ, бої тривають.");
        Replacement r = replaced.replacements().get(0);
        assertThat(r.inflection()).isEqualTo(Inflection.BASE_FORM);
        assertThat(r.note())
                .isEqualTo("the dictionary has no case for 'Ukrinform': 'Укрінформ' is written in its base form;"
                        + " check its case");
    }

    @Test
    void aTextWithoutVariantsIsLeftAsItIs() {
        String text = "Kyiv's mayor met Zelenskyy in Kharkiv.";
        Replaced replaced = STYLE.replace(text, "en");
        assertThat(replaced.text()).isEqualTo(text);
        assertThat(replaced.changed()).isFalse();
    }
}
