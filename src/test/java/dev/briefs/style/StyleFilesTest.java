package dev.briefs.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading style files: the issue's shape, the shipped example, and each mistake named with its line. */
class StyleFilesTest {

    private static final Path FILE = Path.of("style.yaml");

    @TempDir
    Path dir;

    private static List<String> problems(String yaml) {
        StyleFileException e = catchThrowableOfType(() -> StyleFiles.parse(yaml, FILE), StyleFileException.class);
        assertThat(e).as("the file is refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
        return e.problems();
    }

    @Test
    void theIssuesShapeIsRead() {
        Style style = StyleFiles.parse("""
                languages:
                  en:
                    use:                  # the required form: the variants that must become it
                      Kyiv: [Kiev]
                      Kharkiv: [Kharkov]
                    keep: [Ukrinform]     # never translated or changed
                pairs:
                  uk-en:
                    use:
                      "the Armed Forces of Ukraine": ["ЗСУ"]
                """, FILE);
        assertThat(style.language("en").use())
                .containsExactly(new Usage("Kyiv", List.of("Kiev")), new Usage("Kharkiv", List.of("Kharkov")));
        assertThat(style.language("en").keep()).containsExactly("Ukrinform");
        assertThat(style.pair("uk", "en").use())
                .containsExactly(new Rendering(List.of("the Armed Forces of Ukraine"), List.of("ЗСУ")));
        assertThat(style.language("uk").use())
                .as("a language the file leaves out")
                .isEmpty();
    }

    @Test
    void theShippedExampleLoadsWithoutProblems() {
        Style style = StyleFiles.read(Path.of("jobs/style-example.yaml"));
        assertThat(style.language("en").use()).contains(new Usage("Kyiv", List.of("Kiev")));
        assertThat(style.language("en").keep()).contains("Ukrinform");
        assertThat(style.pair("uk", "en").use())
                .contains(
                        new Rendering(List.of("the Armed Forces of Ukraine"), List.of("ЗСУ", "Збройні сили України")));
        assertThat(style.pair("en", "uk").use())
                .as("several accepted forms, written as one key")
                .contains(new Rendering(
                        List.of("Збройні сили України", "ЗСУ"),
                        List.of("Armed Forces of Ukraine", "Ukrainian Armed Forces")));
    }

    @Test
    void aSingleVariantMayBeWrittenWithoutBracketsAndTermsAreTrimmed() {
        Style style = StyleFiles.parse("languages:\n  en:\n    use:\n      \" Kyiv \":   Kiev\n", FILE);
        assertThat(style.language("en").use()).containsExactly(new Usage("Kyiv", List.of("Kiev")));
    }

    @Test
    void anEmptyTermIsNamedWithItsLine() {
        assertThat(problems("languages:\n  en:\n    use:\n      Kyiv: [Kiev, \"\"]\n    keep: [Ukrinform, ]\n"))
                .containsExactly(
                        "style.yaml:4: languages.en.use.Kyiv: an empty term; write the term, or remove the entry");
        assertThat(problems("languages:\n  en:\n    keep:\n      - Ukrinform\n      -\n"))
                .containsExactly("style.yaml:5: languages.en.keep: an empty term; write the term, or remove the entry");
    }

    @Test
    void aTermWithNoWordCannotBeTokenized() {
        assertThat(problems("languages:\n  en:\n    keep: [\"—\"]\n"))
                .containsExactly("style.yaml:3: languages.en.keep: '—' has no word to match (it cannot be tokenized);"
                        + " write a term with letters or digits");
    }

    @Test
    void aDuplicatedTermIsNamedWithBothLines() {
        assertThat(problems("""
                        languages:
                          en:
                            use:
                              Kyiv: [Kiev]
                              Kharkiv: [Kharkov, Kharkov]
                              Kyiv: [Kieff]
                            keep: [Ukrinform, Ukrinform]
                        """))
                .containsExactly(
                        "style.yaml:6: languages.en.use: 'Kyiv' is duplicated (first on line 4); write it once, merging"
                                + " its entries",
                        "style.yaml:5: languages.en.use: the variant 'Kharkov' of 'Kharkiv' is duplicated (first on"
                                + " line 5); list it once",
                        "style.yaml:7: languages.en.keep: 'Ukrinform' is duplicated (first on line 7); list it once");
    }

    @Test
    void contradictoryEntriesAreNamedWithTheLineTheyContradict() {
        assertThat(problems("""
                        languages:
                          en:
                            use:
                              Kyiv: [Kiev]
                              Kiev: [Kyjiw]
                              Kyyiv: [Kiev]
                            keep: [Kyjiw]
                        pairs:
                          uk-en:
                            use:
                              Kiev: [Київ]
                              Kyiv: [Київ]
                        """))
                .containsExactly(
                        "style.yaml:4: languages.en.use: 'Kiev' is a variant of 'Kyiv' and a form to use itself (line"
                                + " 5); remove one of the two",
                        "style.yaml:6: languages.en.use: 'Kiev' is a variant of 'Kyyiv' and a form to use itself (line"
                                + " 5); remove one of the two",
                        "style.yaml:7: languages.en.keep: 'Kyjiw' is to be kept as written, but line 5 makes it a"
                                + " variant of 'Kiev' to replace; remove it from one of the two",
                        "style.yaml:12: pairs.uk-en.use: the source term 'Київ' is listed under both 'Kiev' (line 11)"
                                + " and 'Kyiv'; to accept either rendering write one key with both: \"Kiev | Kyiv\"");
    }

    @Test
    void oneVariantUnderTwoFormsIsAContradiction() {
        assertThat(problems("languages:\n  en:\n    use:\n      Kyiv: [Kiev]\n      Kyyiv: [Kiev]\n"))
                .containsExactly("style.yaml:5: languages.en.use: the variant 'Kiev' is listed under both 'Kyiv' (line"
                        + " 4) and 'Kyyiv'; a variant becomes one form: keep it under one of them");
    }

    @Test
    void aRenderingItsTargetLanguageForbidsIsAContradiction() {
        assertThat(
                        problems(
                                "languages:\n  en:\n    use:\n      Kyiv: [Kiev]\npairs:\n  uk-en:\n    use:\n      Kiev: [Київ]\n"))
                .containsExactly("style.yaml:8: pairs.uk-en.use: 'Kiev' is a variant that languages.en.use replaces"
                        + " with 'Kyiv' (line 4); render the term as 'Kyiv'");
    }

    @Test
    void unknownKeysAndLanguageCodesAreNamed() {
        assertThat(problems("""
                        langauges:
                          en: {}
                        languages:
                          ua:
                            use: {}
                          en:
                            uses: {}
                        pairs:
                          uk_en: {}
                          uk-xx: {}
                          en-en: {}
                          uk-en:
                            keep: [ЗСУ]
                        """))
                .containsExactly(
                        "style.yaml:1: unknown key 'langauges'; the keys here are languages, pairs (see docs/style.md)",
                        "style.yaml:4: languages: 'ua' is no language code; use the two-letter ISO 639-1 code, such as"
                                + " uk for Ukrainian or en for English",
                        "style.yaml:7: unknown key 'languages.en.uses'; the keys here are use, keep (see docs/style.md)",
                        "style.yaml:9: pairs: 'uk_en' is no language pair; write SOURCE-TARGET, such as uk-en",
                        "style.yaml:10: pairs.uk-xx: 'xx' is no language code; use the two-letter ISO 639-1 code, such"
                                + " as uk for Ukrainian or en for English",
                        "style.yaml:11: pairs.en-en: a pair translates one language into another; for forms within en"
                                + " use languages.en.use",
                        "style.yaml:13: unknown key 'pairs.uk-en.keep'; the keys here are use (see docs/style.md)");
    }

    @Test
    void aWrongTypeIsNamedWithWhatWasExpected() {
        assertThat(problems("""
                        languages:
                          en:
                            use: [Kyiv, Kiev]
                            keep:
                              Ukrinform: yes
                          uk:
                            use:
                              Київ: {Kiev: 1}
                            keep: [[Укрінформ]]
                        """))
                .containsExactly(
                        "style.yaml:3: languages.en.use must map names to values, such as 'Kyiv: [Kiev]'; it is a"
                                + " list",
                        "style.yaml:5: languages.en.keep must be a list of terms, such as [Kiev]; it is a mapping",
                        "style.yaml:8: languages.uk.use.Київ must be a list of terms, such as [Kiev]; it is a mapping",
                        "style.yaml:9: languages.uk.keep: each term must be a single text, not a list");
    }

    @Test
    void yamlThatDoesNotParseIsNamedWithItsLine() {
        // keep: is indented one space less than use:, so it belongs to no block
        List<String> problems = problems("languages:\n  en:\n    use:\n      Kyiv: [Kiev]\n   keep: [Ukrinform]\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("style.yaml:5: not valid YAML: ").contains("docs/style.md");
    }

    @Test
    void aMissingOrEmptyFileIsNamed() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        assertThat(catchThrowableOfType(() -> StyleFiles.read(missing), StyleFileException.class)
                        .getMessage())
                .isEqualTo("style file " + missing + " does not exist; give the path of a style file such as"
                        + " jobs/style-example.yaml");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");
        assertThat(catchThrowableOfType(() -> StyleFiles.read(empty), StyleFileException.class)
                        .getMessage())
                .isEqualTo(empty + ": the style file is empty; see docs/style.md for what it holds");
    }
}
