package dev.briefs.support;

import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM for crash tests: runs the nightly job and, at a chosen point, prints {@code PAUSED}
 * and stops dead so that the test can kill it there with kill -9.
 *
 * <p>Arguments: JOB_FILE DATE POINT [force], where POINT is {@code model-call:N} (inside the N-th model
 * input), {@code model-call-of:MODEL:N} (inside the N-th call of that model, before any of its inputs runs),
 * {@code written:N} (right after the N-th brief file is written, before its chunk commits) or {@code none};
 * {@code force} runs as {@code run --force} does.
 *
 * <p>Before {@code PAUSED}, and at the end of a run, it prints {@code CALLS MODEL=N ...}: the real model calls
 * made so far by each model (a batch is one call; an output the cache had is none), the one it stopped in included.
 */
public final class CrashingRun {

    private CrashingRun() {}

    public static void main(String[] args) throws Exception {
        Path job = Path.of(args[0]);
        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(args[1]), null, null);
        String[] point = args[2].split(":");
        int at = point.length > 1 ? Integer.parseInt(point[point.length - 1]) : -1;
        Map<String, AtomicInteger> callsOf = new ConcurrentSkipListMap<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        RunProgress progress = brief -> {
            if (point[0].equals("written") && written.incrementAndGet() == at) {
                pause(callsOf);
            }
        };
        ModelDecorator hook = InterceptedModels.before((name, text) -> {
            if (point[0].equals("model-call") && calls.incrementAndGet() == at) {
                pause(callsOf);
            }
        });
        ModelDecorator decorator = (name, real) -> new ForwardingTextGenerator(hook.decorate(name, real)) {
            private void counted() {
                int n = callsOf.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                if (point[0].equals("model-call-of") && point[1].equals(name) && n == at) {
                    pause(callsOf);
                }
            }

            @Override
            public Seq2SeqGenerator.Result generate(String text) {
                counted();
                return delegate.generate(text);
            }

            @Override
            public Seq2SeqGenerator.Result generate(String text, String sourceLanguage, String targetLanguage) {
                counted();
                return delegate.generate(text, sourceLanguage, targetLanguage);
            }

            @Override
            public List<Seq2SeqGenerator.Result> generateBatch(
                    List<String> texts, String sourceLanguage, String targetLanguage, int padTo) {
                counted();
                return delegate.generateBatch(texts, sourceLanguage, targetLanguage, padTo);
            }
        };
        boolean force = args.length > 3 && args[3].equals("force");
        JobRunner.Outcome outcome = JobRunner.runNightly(
                settings, force, progress, ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
        System.out.println(calls(callsOf));
        System.out.println("OUTCOME " + outcome.status() + " " + (outcome.failure() == null ? "" : outcome.failure()));
        System.exit(outcome.status() == JobRunner.Status.COMPLETED ? 0 : 1);
    }

    private static String calls(Map<String, AtomicInteger> callsOf) {
        StringBuilder line = new StringBuilder("CALLS");
        callsOf.forEach((name, n) -> line.append(' ').append(name).append('=').append(n.get()));
        return line.toString();
    }

    private static void pause(Map<String, AtomicInteger> callsOf) {
        System.out.println(calls(callsOf));
        System.out.println("PAUSED");
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
