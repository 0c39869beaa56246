package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.article.LanguageDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefMakerBuilderTest {

    @Test
    void aMakerWithoutItsPartsIsRefusedNamingTheFirstMissing() {
        assertThatThrownBy(() -> BriefMaker.builder().build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("detector");
        assertThatThrownBy(() -> BriefMaker.builder()
                        .detector(new LanguageDetector(List.of("en", "uk")))
                        .build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("summariser");
    }
}
