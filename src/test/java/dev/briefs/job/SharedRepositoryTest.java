package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CommandResult;
import dev.briefs.support.CrashingRun;
import dev.briefs.support.EmbeddedPostgresRepository;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes, possibly on several machines, share one PostgreSQL job repository. The run
 * lock is the date's, in the database: two dates run at once, a second runner of a date is refused
 * with its holder named, and recovering a killed run of one date leaves the other date's live run alone.
 */
class SharedRepositoryTest {

    private static final String FIRST = "2026-11-20";
    private static final String SECOND = "2026-11-21";

    @TempDir
    Path root;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void twoDatesRunAtOnceAndRecoveringOneLeavesTheOtherAlone() throws Exception {
        Path job = TestJobs.write(root, EmbeddedPostgresRepository.jobFileLines());
        for (String date : List.of(FIRST, SECOND)) {
            Path input = TestJobs.inputDir(root, date);
            try (var samples = Files.list(Path.of("jobs/articles", FIRST))) {
                for (Path sample : samples.toList()) {
                    Files.copy(sample, input.resolve(sample.getFileName()));
                }
            }
        }
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");

        // Two runs, of two dates, at once; each stops dead inside its first model call.
        Process first = startPaused(job, FIRST);
        Process second = startPaused(job, SECOND);

        CommandResult refused = CommandResult.run("run", job.toString(), "--date", FIRST);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err())
                .contains("another briefs process is running " + FIRST)
                .contains("its lock in the job database jdbc:postgresql:")
                .contains("'briefs " + first.pid() + "@")
                .contains("wait for it to finish");

        // A shared database answers status while the date runs (an embedded one is the run's alone).
        CommandResult during = CommandResult.run("status", job.toString(), "--date", FIRST);
        assertThat(during.out())
                .as(during.err())
                .contains("nightly-briefs #")
                .contains("STARTED")
                .contains("Folders of the run: input "
                        + TestJobs.inputDir(root, FIRST).toAbsolutePath());

        first.destroyForcibly(); // SIGKILL: its execution stays STARTED in the database
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        CommandResult recovered = CommandResult.run("run", job.toString(), "--date", FIRST);
        assertThat(recovered.exitCode()).as(recovered.err()).isEqualTo(ExitCodes.OK);
        assertThat(BriefFiles.readAll(TestJobs.outputDir(root, FIRST)))
                .hasSize(4)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));
        assertThat(history(job, FIRST))
                .hasSize(2)
                .satisfies(runs -> assertThat(runs.get(0)).contains("FAILED"))
                .satisfies(runs -> assertThat(runs.get(1)).contains("COMPLETED"));
        // The second date's run is alive, and its execution was not touched by the first date's recovery.
        assertThat(second.isAlive()).isTrue();
        assertThat(history(job, SECOND)).singleElement().asString().contains("STARTED");

        second.destroyForcibly();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        CommandResult secondAgain = CommandResult.run("run", job.toString(), "--date", SECOND);
        assertThat(secondAgain.exitCode()).as(secondAgain.err()).isEqualTo(ExitCodes.OK);
        assertThat(history(job, SECOND)).hasSize(2);
        List<String> lines = Files.readAllLines(TestJobs.outputDir(root, SECOND).resolve("briefs.jsonl"));
        assertThat(lines).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void twoFilesClaimingOneIdInDifferentPartitionsLeaveOneBriefAndOneFailure() throws Exception {
        Path job = TestJobs.write(root, EmbeddedPostgresRepository.jobFileLines());
        Path input = TestJobs.inputDir(root, FIRST);
        Files.writeString(
                input.resolve("a.txt"),
                "Title: Harbour opens\nURL: https://example.org/a\n\n"
                        + "The harbour opened on Monday after repairs. Ships came in at dawn.\n");
        Files.writeString(input.resolve("b.json"), """
                {"id": "a", "title": "Harbour opens again", "url": "https://example.org/b",
                 "text": "The harbour opened again on Tuesday. More ships came in."}
                """);
        CommandResult run = CommandResult.run("run", job.toString(), "--date", FIRST);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SOME_FAILED);
        List<Brief> briefs = BriefFiles.readAll(TestJobs.outputDir(root, FIRST));
        assertThat(briefs).hasSize(2);
        assertThat(briefs)
                .filteredOn(b -> b.id().equals("a"))
                .singleElement()
                .satisfies(b -> assertThat(b.source().file()).isEqualTo("a.txt"));
        assertThat(briefs)
                .filteredOn(b -> !b.id().equals("a"))
                .singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(Brief.FAILED))
                .satisfies(
                        b -> assertThat(b.error()).contains("article id 'a' is also the id of the article in a.txt"));
    }

    private Process startPaused(Path job, String date) throws IOException {
        Process p = ChildJvm.start(CrashingRun.class.getName(), job.toString(), date, "model-call:1");
        children.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null && !line.equals("PAUSED"); line = out.readLine()) {
            seen.append(line).append('\n');
        }
        assertThat(p.isAlive())
                .as("the run of " + date + " reached its first model call:\n" + seen)
                .isTrue();
        return p;
    }

    private static List<String> history(Path job, String date) {
        return JobRunner.inspect(
                        JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(date), null, null), RunHistory::of)
                .runs();
    }
}
