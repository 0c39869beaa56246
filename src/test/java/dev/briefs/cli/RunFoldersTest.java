package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A date's run remembers its folders. The regression this guards: {@code run --input A --output B}
 * followed by {@code rerun-failed} without the flags used the job file's folders, recorded every
 * article as unreadable and wrote failed briefs into another folder.
 */
class RunFoldersTest {

    /** Job file lines that choose the job repository; the embedded H2 file here. */
    String repository() {
        return "";
    }

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    @Test
    void rerunStatusAndRunAgainUseTheFoldersOfTheDatesRun() throws IOException {
        Path job = TestJobs.write(root, repository());
        Path input = Files.createDirectories(root.resolve("elsewhere/in"));
        try (var samples = Files.list(Path.of("jobs/articles", DATE))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        Path output = root.resolve("elsewhere/out");
        Path jobFileOutput = TestJobs.outputDir(root, DATE);

        CommandResult first = CommandResult.run(
                "run", job.toString(), "--date", DATE, "--input", input.toString(), "--output", output.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(BriefFiles.readAll(output))
                .hasSize(4)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo("partial"));

        CommandResult status = CommandResult.run("status", job.toString(), "--date", DATE);
        assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(status.out())
                .contains("Folders of the run: input " + input.toAbsolutePath())
                .contains("Briefs in " + output.toAbsolutePath() + ": 4 articles, 0 complete, 4 partial")
                .contains("Failures: 4 open, 0 resolved");

        CommandResult otherOutput = CommandResult.run(
                "rerun-failed",
                job.toString(),
                "--date",
                DATE,
                "--output",
                root.resolve("other").toString());
        assertThat(otherOutput.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherOutput.err())
                .contains(DATE + " was run with --input " + input.toAbsolutePath())
                .contains("rerun-failed was given --output "
                        + root.resolve("other").toAbsolutePath())
                .contains("Leave out --input and --output")
                .doesNotContain("--force")
                .doesNotContain("\tat ");
        CommandResult otherInput = CommandResult.run("run", job.toString(), "--date", DATE, "--input", root.toString());
        assertThat(otherInput.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherInput.err())
                .contains("run was given --input " + root.toAbsolutePath())
                .contains("add --force");

        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");
        CommandResult rerun = CommandResult.run("rerun-failed", job.toString(), "--date", DATE);
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(rerun.out())
                .contains("4 articles, 4 complete, 0 partial, 0 failed; briefs in " + output.toAbsolutePath());
        assertThat(BriefFiles.readAll(output)).extracting(Brief::status).containsOnly("ok");
        assertThat(jobFileOutput).doesNotExist();

        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("already finished").contains("briefs in " + output.toAbsolutePath());
        assertThat(CommandResult.run("status", job.toString(), "--date", DATE).out())
                .contains("Failures: 0 open, 4 resolved");

        // --force is the way to run the date anew on other folders; the record then follows that run.
        Path third = root.resolve("third");
        CommandResult forced = CommandResult.run(
                "run",
                job.toString(),
                "--date",
                DATE,
                "--force",
                "--input",
                input.toString(),
                "--output",
                third.toString());
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(BriefFiles.readAll(third)).hasSize(4);
        assertThat(CommandResult.run("status", job.toString(), "--date", DATE).out())
                .contains("Folders of the run: input " + input.toAbsolutePath() + ", output " + third.toAbsolutePath());
        assertThat(jobFileOutput).doesNotExist();
    }
}
