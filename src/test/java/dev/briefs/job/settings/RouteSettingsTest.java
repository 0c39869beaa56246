package dev.briefs.job.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.cli.ExitCodes;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.translate.ForcedRoute;
import dev.briefs.translate.TranslationRoute.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job file's forced routes ({@code models.routes}): the two ways to write one, and each mistake named. */
class RouteSettingsTest {

    @TempDir
    Path root;

    private JobSettings settings(String routes) throws IOException {
        Path job = TestJobs.write(root, "");
        Files.writeString(
                job, Files.readString(job).replace("  translate:\n", "  routes:\n" + routes + "  translate:\n"));
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse("2026-11-20"), null, null);
    }

    @Test
    void aRouteIsAKindOrTheModelsInOrder() throws IOException {
        JobSettings s = settings("""
                    ru-uk: pivot
                    pl-uk: [opus-mt-pl-en, opus-mt-en-uk]
                    de-uk: multilingual
                    en-uk: [nllb-200-distilled-600M]
                """);
        assertThat(s.models().routes())
                .containsEntry("ru-uk", ForcedRoute.ofKind(Kind.PIVOT))
                .containsEntry("pl-uk", ForcedRoute.ofModels(List.of("opus-mt-pl-en", "opus-mt-en-uk")))
                .containsEntry("de-uk", ForcedRoute.ofKind(Kind.MULTILINGUAL))
                .containsEntry("en-uk", ForcedRoute.ofModels(List.of("nllb-200-distilled-600M")));
        assertThat(s.models().named())
                .as("checked and fetched before the run like the others")
                .contains("opus-mt-pl-en", "nllb-200-distilled-600M");
    }

    @Test
    void aMistakeNamesTheFileTheSettingAndWhatIsAllowed() throws IOException {
        String job = root.resolve("job.yaml").toString();
        assertThatThrownBy(() -> settings("    ru-uk: through-english\n"))
                .isInstanceOf(JobFileException.class)
                .hasMessage(
                        job + ": models.routes.ru-uk 'through-english' is not a route: direct, multilingual, pivot, or"
                                + " the models in order such as [opus-mt-ru-en, opus-mt-en-uk]");
        assertThatThrownBy(() -> settings("    en-uk: pivot\n"))
                .hasMessage(
                        job + ": models.routes.en-uk: a pivot goes"
                                + " through English, so it cannot start or end there; give one model (direct or multilingual) for en-uk");
        assertThatThrownBy(() -> settings("    ru-uk: [a, b, c]\n"))
                .hasMessage(job + ": models.routes.ru-uk lists 3 models:"
                        + " give one (direct or multilingual) or two (into English, then out of it)");
        assertThatThrownBy(() -> settings("    ru-uk: [../../etc]\n"))
                .hasMessage(job + ": models.routes.ru-uk '../../etc'" + " is not a model name such as opus-mt-en-uk");
        assertThatThrownBy(() -> settings("    russian: pivot\n"))
                .hasMessage(job + ": models.routes key 'russian' is not" + " a language pair such as ru-uk");
        assertThatThrownBy(() -> settings("    uk-uk: direct\n")).hasMessageContaining("models.routes.uk-uk");
    }

    @Test
    void theCommandLineSaysItInOneLineWithExitStatus2() throws IOException {
        settings("    ru-uk: pivot\n");
        Path job = root.resolve("job.yaml");
        Files.writeString(job, Files.readString(job).replace("ru-uk: pivot", "ru-uk: sideways"));
        CommandResult result = CommandResult.run("run", job.toString(), "--date", "2026-11-20");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip())
                .contains("models.routes.ru-uk 'sideways' is not a route")
                .doesNotContain("\tat ");
    }
}
