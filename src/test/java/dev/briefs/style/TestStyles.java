package dev.briefs.style;

import java.nio.file.Path;

/** The style the style tests share, written as an editor would, and its house style (VESUM loads once). */
final class TestStyles {

    static final String YAML = """
            languages:
              en:
                use:
                  Kyiv: [Kiev]
                  Kharkiv: [Kharkov]
                  Zelenskyy: [Zelensky, Zelenskiy]
                  "the Verkhovna Rada": ["the Rada"]
                keep: [Ukrainska Pravda, Dynamo Kiev]
              uk:
                use:
                  Кропивницький: [Кіровоград]
                  Дніпро: [Дніпропетровськ]
                  Бахмут: [Артемівськ]
                  Укрінформ: [Ukrinform]
                keep: [Дніпропетровська область]
            pairs:
              uk-en:
                use:
                  "the Armed Forces of Ukraine": [ЗСУ]
                  "the Verkhovna Rada": [Верховна Рада]
                  Kyiv: [Київ]
                  Kharkiv: [Харків]
              en-uk:
                use:
                  Київ: [Kyiv, Kiev]
            """;

    static final HouseStyle HOUSE = HouseStyle.of(StyleFiles.parse(YAML, Path.of("test-style.yaml")));

    private TestStyles() {}
}
