package dev.briefs.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.style.Replacement.Inflection;
import dev.briefs.support.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real news sentences of the shared corpus with forbidden variants planted in them: after the replacement
 * every planted variant is gone and its form stands in its place, counted, and in Ukrainian in the case the
 * sentence had. The planting is plain string work, independent of the code under test. Skipped where the
 * corpus is absent.
 */
class StyleCorpusTest {

    private static final HouseStyle STYLE = TestStyles.HOUSE;

    /**
     * Each form of "Київ" that the corpus has, planted as the same case of "Кіровоград", and the form of
     * "Кропивницький" that case takes: Ukrainian's noun and adjective declensions, written out by hand.
     * "Києву" is dative or locative; both give "Кропивницькому".
     */
    private static final Map<String, String[]> KYIV_PLANTED_EXPECTED = Map.of(
            "Київ", new String[] {"Кіровоград", "Кропивницький"},
            "Києва", new String[] {"Кіровограда", "Кропивницького"},
            "Києву", new String[] {"Кіровограду", "Кропивницькому"},
            "Києві", new String[] {"Кіровограді", "Кропивницькому"},
            "Києвом", new String[] {"Кіровоградом", "Кропивницьким"});

    private static final Pattern KYIV = Pattern.compile("(?<![\\p{L}'’])(Київ|Києва|Києву|Києві|Києвом)(?![\\p{L}'’])");

    @Test
    void everyPlantedUkrainianVariantBecomesItsFormInTheSentencesCase() throws IOException {
        int planted = 0;
        int sentences = 0;
        for (String sentence : Files.readAllLines(SharedCorpus.file("wmt22-uk-en.src.uk"))) {
            Matcher m = KYIV.matcher(sentence);
            StringBuilder plantedText = new StringBuilder();
            List<String> expected = new ArrayList<>();
            while (m.find()) {
                String[] plantedAndExpected = KYIV_PLANTED_EXPECTED.get(m.group(1));
                m.appendReplacement(plantedText, plantedAndExpected[0]);
                expected.add(plantedAndExpected[1]);
            }
            if (expected.isEmpty()) {
                continue;
            }
            m.appendTail(plantedText);
            sentences++;
            planted += expected.size();
            Replaced replaced = STYLE.replace(plantedText.toString(), "uk");
            assertThat(replaced.text()).as(plantedText.toString()).doesNotContain("Кіровоград");
            assertThat(replaced.replacements())
                    .as(plantedText.toString())
                    .extracting(Replacement::to)
                    .containsExactlyElementsOf(expected);
            assertThat(replaced.replacements())
                    .extracting(Replacement::inflection)
                    .containsOnly(Inflection.INFLECTED);
            assertThat(STYLE.check(plantedText.toString(), "uk", replaced.text(), "uk")
                            .held())
                    .as(replaced.text())
                    .isTrue();
        }
        // the corpus has 23 forms of "Київ" in 20-odd sentences; fewer would mean the planting found nothing
        assertThat(planted).as("planted in %d sentences", sentences).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyPlantedEnglishVariantBecomesItsForm() throws IOException {
        // Moscow and Putin appear in the English side of the corpus; they become Kiev and Zelensky, and, with
        // a possessive where the corpus has one, must come back as Kyiv and Zelenskyy.
        List<String> lines = new ArrayList<>(Files.readAllLines(SharedCorpus.file("wmt22-en-uk.src.en")));
        lines.addAll(Files.readAllLines(SharedCorpus.file("000_c930af4e63a7dcc9.txt")));
        int planted = 0;
        for (String line : lines) {
            String plantedText = line.replaceAll("\\bMoscow\\b", "Kiev")
                    .replaceAll("\\bPutin\\b", "Zelensky")
                    .replaceAll("\\bKyiv\\b", "Kiev")
                    .replaceAll("\\bZelenskyy\\b", "Zelenskiy");
            int variants = count(plantedText, "\\b(Kiev|Zelensky|Zelenskiy)\\b");
            if (variants == 0) {
                continue;
            }
            planted += variants;
            int formsBefore = count(plantedText, "\\b(Kyiv|Zelenskyy)\\b");
            String replaced = STYLE.replace(plantedText, "en").text();
            assertThat(count(replaced, "\\b(Kiev|Zelensky|Zelenskiy)\\b"))
                    .as(replaced)
                    .isZero();
            assertThat(count(replaced, "\\b(Kyiv|Zelenskyy)\\b")).as(replaced).isEqualTo(formsBefore + variants);
            assertThat(STYLE.check(plantedText, "en", replaced, "en").held())
                    .as(replaced)
                    .isTrue();
        }
        assertThat(planted).isGreaterThanOrEqualTo(15);
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
