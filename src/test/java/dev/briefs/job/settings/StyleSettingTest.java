package dev.briefs.job.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.cli.ExitCodes;
import dev.briefs.style.Style;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job file's {@code style} setting: the file read at start, and a bad one refused before the run (exit 2). */
class StyleSettingTest {

    @TempDir
    Path root;

    private JobSettings settings(String extra) throws IOException {
        Path job = TestJobs.write(root, extra);
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse("2026-11-20"), null, null);
    }

    @Test
    void theStyleFileIsReadWithTheJobFile() throws IOException {
        assertThat(settings("").style()).as("no style: nothing to hold to").isEqualTo(Style.EMPTY);
        Style style = settings("style: " + Path.of("jobs/style-example.yaml").toAbsolutePath() + "\n")
                .style();
        assertThat(style.language("en").keep()).contains("Ukrinform");
    }

    @Test
    void aBadStyleFileNamesEveryProblemAndTheRunDoesNotStart() throws IOException {
        Path style = Files.writeString(
                root.resolve("style.yaml"), "languages:\n  ua:\n    use: {}\n  en:\n    keep: [\"\"]\n");
        String job = root.resolve("job.yaml").toString();
        assertThatThrownBy(() -> settings("style: " + style + "\n"))
                .isInstanceOf(JobFileException.class)
                .hasMessage(job + ": style: the style file has 2 problems:\n"
                        + style + ":2: languages: 'ua' is no language code; use the two-letter ISO 639-1 code, such as"
                        + " uk for Ukrainian or en for English\n"
                        + style + ":5: languages.en.keep: an empty term; write the term, or remove the entry");
        CommandResult result = CommandResult.run("run", job, "--date", "2026-11-20");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(style + ":2: languages: 'ua'").doesNotContain("\tat ");

        assertThatThrownBy(() -> settings("style: " + root.resolve("none.yaml") + "\n"))
                .hasMessage(job + ": style: style file " + root.resolve("none.yaml") + " does not exist; give the"
                        + " path of a style file such as jobs/style-example.yaml");
    }
}
