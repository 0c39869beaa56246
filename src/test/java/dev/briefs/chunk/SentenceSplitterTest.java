package dev.briefs.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void englishAbbreviationsDoNotEndSentences() {
        List<String> s = new SentenceSplitter("en")
                .split(
                        "The U.S. Secretary of State spoke with Dr. Kuleba on Friday. He said   the talks went well!\n\nNew paragraph");
        assertThat(s)
                .containsExactly(
                        "The U.S. Secretary of State spoke with Dr. Kuleba on Friday.",
                        "He said the talks went well!",
                        "New paragraph");
    }

    @Test
    void ukrainianSentencesSplitOnTheirPunctuation() {
        List<String> s = new SentenceSplitter("uk")
                .split(
                        "Російське вторгнення триває. Чи є способи повернутися? Так! Вони живуть у м. Київ на вул. Хрещатик.");
        assertThat(s)
                .containsExactly(
                        "Російське вторгнення триває.",
                        "Чи є способи повернутися?",
                        "Так!",
                        "Вони живуть у м. Київ на вул. Хрещатик.");
    }

    @Test
    void aQuotedExclamationInsideASentenceDoesNotEndIt() {
        assertThat(new SentenceSplitter("uk")
                        .split("Німеччина зволікає. Але \"Ніколи знову!\" означає не тільки це. Далі."))
                .containsExactly("Німеччина зволікає.", "Але \"Ніколи знову!\" означає не тільки це.", "Далі.");
        assertThat(new SentenceSplitter("en").split("He shouted \"Stop!\" and ran. Why? Nobody knows."))
                .containsExactly("He shouted \"Stop!\" and ran.", "Why?", "Nobody knows.");
    }

    @Test
    void paragraphBreaksEndHeadlinesWithoutPunctuation() {
        assertThat(new SentenceSplitter("uk").split("Заголовок без крапки\n\nПерше речення."))
                .containsExactly("Заголовок без крапки", "Перше речення.");
    }
}
