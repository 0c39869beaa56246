package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.BriefsMain;
import dev.briefs.cli.ExitCodes;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CommandResult;
import dev.briefs.support.EmbeddedKafka;
import dev.briefs.support.Outputs;
import dev.briefs.support.RunningChild;
import dev.briefs.support.ScaledOutDay;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TestWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day briefed by a manager and worker processes over a real Kafka broker, with the job
 * repository in a real PostgreSQL: the same briefs as one machine makes, each written once, and a
 * worker killed mid-partition costs a rerun of that partition only.
 */
class ScaleOutTest {

    private static final String DATE = ScaledOutDay.DATE;

    /** The day as one machine briefs it. */
    static Map<String, String> reference;
    /** The model calls one machine makes for the day. */
    static int referenceCalls;

    @TempDir
    Path root;

    private final List<RunningChild> workers = new ArrayList<>();

    @BeforeAll
    static void oneMachine() throws IOException {
        ScaledOutDay.Reference day = ScaledOutDay.oneMachine();
        reference = day.files();
        referenceCalls = day.modelCalls();
    }

    Path scaledOutJob() throws IOException {
        return scaledOutJob("");
    }

    /**
     * No planning step: for the tests that kill or stop a worker inside the brief step's chunks, whose model calls
     * the planning step would otherwise have made before (a kill there is PlannedNightCrashTest's; a whole day on
     * workers with planning is {@link #aManagerAndTwoWorkersBriefTheDayAsOneMachineDoes}).
     */
    private static final String BRIEF_STEP_ONLY = "batch:\n  plan-window: 0\n";

    Path scaledOutJob(String extra) throws IOException {
        return ScaledOutDay.scaledOutJob(root, EmbeddedKafka.bootstrapServers(), extra);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(w -> w.process.destroyForcibly());
    }

    @Test
    void aManagerAndTwoWorkersBriefTheDayAsOneMachineDoes() throws Exception {
        Path job = scaledOutJob();
        RunningChild first = startWorker(BriefsMain.class.getName(), "worker", job.toString());
        RunningChild second = startWorker(BriefsMain.class.getName(), "worker", job.toString());
        first.await("worker assigned [partition");
        second.await("worker assigned [partition");

        CommandResult manager = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(manager.exitCode()).as(manager.err()).isEqualTo(ExitCodes.OK);

        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(reference);
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl"))).hasSize(17).doesNotHaveDuplicates();
        // Each worker ran one of the two partitions.
        first.await("articleWorker:partition");
        second.await("articleWorker:partition");
        assertThat(first.lines).anyMatch(l -> l.contains(": COMPLETED"));
        assertThat(second.lines).anyMatch(l -> l.contains(": COMPLETED"));
        assertThat(history(job))
                .singleElement()
                .asString()
                .contains("COMPLETED")
                .contains("17 briefs written");
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunAndRunAgainRedoesOnlyThatPartition() throws Exception {
        Path job = scaledOutJob(BRIEF_STEP_ONLY);
        RunningChild doomed = startWorker(TestWorker.class.getName(), job.toString(), "model-call:3");
        doomed.await("worker assigned [partition");
        RunningChild survivor = startWorker(TestWorker.class.getName(), job.toString(), "none");
        survivor.await("worker assigned [partition");

        CompletableFuture<CommandResult> manager =
                CompletableFuture.supplyAsync(() -> CommandResult.run("run", job.toString(), "--date", DATE));
        doomed.await("PAUSED");
        doomed.process.destroyForcibly(); // SIGKILL mid-partition
        CommandResult failed = manager.get(120, TimeUnit.SECONDS);
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.err())
                .contains("the worker running partition articleWorker:partition")
                .contains("is gone");
        int callsBefore = survivor.count("MODEL_CALL");
        assertThat(callsBefore).as("the survivor briefed the other partition").isPositive();

        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(reference);
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl"))).hasSize(17).doesNotHaveDuplicates();

        // The restart sent only the partition that had not completed: the survivor's calls for the
        // restart are exactly the day's calls less those of the partition it had completed.
        List<String> runs = history(job);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("FAILED");
        assertThat(runs.get(1)).contains("COMPLETED");
        int restartCalls = survivor.count("MODEL_CALL") - callsBefore;
        assertThat(restartCalls).isEqualTo(referenceCalls - callsBefore).isLessThan(referenceCalls);
        // Its brief-step partitions: the one of the first run, and the doomed worker's, redone (the planning step's
        // partitions, which do nothing here, complete on whichever worker takes them).
        assertThat(survivor.lines.stream()
                        .filter(l -> l.contains(NightlyJobConfiguration.WORKER_STEP + ":partition")
                                && l.contains(": COMPLETED"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aWorkerStoppedWithSigtermEndsItsPartitionAfterACommittedChunkAndTheRestartGoesOn() throws Exception {
        Path job = scaledOutJob("commit-interval: 2\n" + BRIEF_STEP_ONLY);
        RunningChild stopping = startWorker(TestWorker.class.getName(), job.toString(), "slow:300");
        stopping.await("worker assigned [partition");

        CompletableFuture<CommandResult> manager =
                CompletableFuture.supplyAsync(() -> CommandResult.run("run", job.toString(), "--date", DATE));
        stopping.await("MODEL_CALL 3");
        // SIGTERM, as a deployment or a draining machine sends it. Not Process.destroy(): that also
        // closes the pipes, and the worker's last words would be lost.
        stopping.process.toHandle().destroy();
        assertThat(stopping.ends(120)).isTrue();
        assertThat(stopping.process.exitValue())
                .as("exit status of a worker stopped cleanly")
                .isZero();
        assertThat(stopping.lines).anyMatch(l -> l.contains("articleWorker:partition") && l.contains(": STOPPED"));

        // The request the stopped worker did not take waits in Kafka for the next worker.
        RunningChild next = startWorker(TestWorker.class.getName(), job.toString(), "none");
        CommandResult stopped = manager.get(180, TimeUnit.SECONDS);
        assertThat(stopped.exitCode()).as(stopped.out() + stopped.err()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(stopped.err()).contains("was stopped after a committed chunk by its worker's shutdown");
        int committed = BriefFiles.readAll(TestJobs.outputDir(root, DATE)).size();
        assertThat(committed)
                .as("briefs of both partitions, the stopped one's up to its last chunk")
                .isBetween(9, 16);

        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(reference);
        assertThat(next.lines.stream().filter(l -> l.contains(": COMPLETED")).count())
                .isEqualTo(2);
    }

    /**
     * The scheduler's stop of the manager (issue 21): SIGTERM to {@code run} stops the run through the job
     * repository, where the worker's partition sees it at its next chunk and stops there, committed; the
     * manager exits with 143 once the partitions have ended, the worker goes on serving, and {@code run} again
     * ends the day as one machine does.
     */
    @Test
    void aManagerStoppedWithSigtermStopsThePartitionsAtTheirNextChunkAndTheNextRunGoesOn() throws Exception {
        Path job = scaledOutJob("commit-interval: 2\n" + BRIEF_STEP_ONLY);
        RunningChild worker = startWorker(TestWorker.class.getName(), job.toString(), "slow:300");
        worker.await("worker assigned [partition");
        RunningChild manager = startWorker(BriefsMain.class.getName(), "run", job.toString(), "--date", DATE);
        worker.await("MODEL_CALL 3");

        manager.process.toHandle().destroy(); // SIGTERM
        // One chunk of two articles on the worker at 300 ms a model call, the manager's next poll, its report
        // and the context's close: seconds; the bound is generous for a loaded 2-core machine.
        assertThat(manager.ends(120))
                .as("the manager ended within 120 s of SIGTERM")
                .isTrue();

        String said = String.join("\n", manager.lines);
        assertThat(manager.process.exitValue()).as(said).isEqualTo(ExitCodes.TERMINATED);
        assertThat(said).contains("briefs: stopped by SIGTERM after the last committed chunk");
        worker.await(": STOPPED");
        assertThat(worker.lines)
                .as("the partition the worker was running stopped at a chunk boundary")
                .anyMatch(l -> l.contains("articleWorker:partition") && l.contains(": STOPPED"));
        assertThat(worker.process.isAlive()).as("the worker goes on serving").isTrue();
        assertThat(history(job)).singleElement().asString().contains("STOPPED");

        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(reference);
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl"))).hasSize(17).doesNotHaveDuplicates();
        List<String> runs = history(job);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).contains("COMPLETED");
    }

    @Test
    void modelFailuresOnWorkersGoToTheLedgerAndRerunFailedCompletesThem() throws Exception {
        Path job = scaledOutJob("retry:\n  delay-ms: 10\n");
        for (int w = 0; w < 2; w++) {
            startWorker(TestWorker.class.getName(), job.toString(), "fail-model:opus-mt-uk-en")
                    .await("worker assigned [partition");
        }
        CommandResult night = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(night.exitCode()).as(night.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(night.out()).contains("17 articles, 1 complete, 16 partial, 0 failed");
        CommandResult status = CommandResult.run("status", job.toString(), "--date", DATE);
        assertThat(status.out())
                .containsPattern("Failures: [1-9][0-9]* open, 0 resolved")
                .contains("translate [en] chunk 0: java.io.IOException: injected: opus-mt-uk-en timed out");

        // The failures recorded by the workers are redone where rerun-failed is called.
        CommandResult rerun = CommandResult.run("rerun-failed", job.toString(), "--date", DATE);
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(Outputs.snapshot(TestJobs.outputDir(root, DATE))).isEqualTo(reference);
        assertThat(CommandResult.run("status", job.toString(), "--date", DATE).out())
                .contains("Failures: 0 open");
    }

    @Test
    void twoFilesClaimingOneIdOnTwoWorkersLeaveOneBriefAndOneDuplicate() throws Exception {
        Path job = scaledOutJob();
        // A day of two files that claim one id, dealt to the two partitions, so two processes claim it.
        Path input = TestJobs.inputDir(root, "2026-11-20");
        Files.writeString(
                input.resolve("a.txt"),
                "Title: Harbour opens\nURL: https://example.org/a\n\n"
                        + "The harbour opened on Monday after repairs. Ships came in at dawn.\n");
        Files.writeString(input.resolve("b.json"), """
                {"id": "a", "title": "Harbour opens again", "url": "https://example.org/b",
                 "text": "The harbour opened again on Tuesday. More ships came in."}
                """);
        RunningChild first = startWorker(BriefsMain.class.getName(), "worker", job.toString());
        RunningChild second = startWorker(BriefsMain.class.getName(), "worker", job.toString());
        first.await("worker assigned [partition");
        second.await("worker assigned [partition");

        CommandResult manager = CommandResult.run("run", job.toString(), "--date", "2026-11-20");
        assertThat(manager.exitCode()).as(manager.err()).isEqualTo(ExitCodes.SOME_FAILED);
        first.await("articleWorker:partition");
        second.await("articleWorker:partition");
        List<Brief> briefs = BriefFiles.readAll(TestJobs.outputDir(root, "2026-11-20"));
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

    private List<String> history(Path job) {
        return ScaledOutDay.history(job);
    }

    private RunningChild startWorker(String main, String... args) throws IOException {
        Process p = ChildJvm.start(main, args);
        RunningChild w = new RunningChild(p, Duration.ofSeconds(90));
        workers.add(w);
        return w;
    }
}
