package dev.briefs.job.nightly;

import dev.briefs.article.ArticleId;
import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefCounters;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.BriefResult;
import dev.briefs.brief.Failure;
import dev.briefs.brief.OutcomeLog;
import dev.briefs.brief.StageTimers;
import dev.briefs.job.locks.ArticleIdLocks;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.StoryBook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes each brief's {@code ID.json} and {@code ID.md} (atomically; rewriting one is harmless)
 * and reconciles the article's rows in the failure ledger.
 */
public final class BriefFileWriter implements ItemWriter<BriefResult> {

    private final Path outputDir;
    private final String runDate;
    private final RunProgress progress;
    private final FailureLedger ledger;
    private final ArticleIdLocks idLocks;
    private final StageTimers timers;
    private final BriefCounters counters;
    private final StoryBook stories;
    private UnaryOperator<String> storyOf;

    /**
     * @param timers   where the time of writing goes
     * @param counters where each written brief is counted
     * @param stories  the day's recorded stories, which each brief points to
     */
    public BriefFileWriter(
            Path outputDir,
            String runDate,
            RunProgress progress,
            FailureLedger ledger,
            ArticleIdLocks idLocks,
            StageTimers timers,
            BriefCounters counters,
            StoryBook stories) {
        this.stories = stories;
        this.timers = timers;
        this.counters = counters;
        this.outputDir = outputDir;
        this.runDate = runDate;
        this.progress = progress;
        this.ledger = ledger;
        this.idLocks = idLocks;
    }

    @Override
    public void write(Chunk<? extends BriefResult> results) throws IOException {
        long start = System.nanoTime();
        try {
            writeAll(results);
        } finally {
            timers.recordSince(Failure.WRITE, start);
        }
    }

    private void writeAll(Chunk<? extends BriefResult> results) throws IOException {
        idLocks.lockUntilCommit(
                runDate, results.getItems().stream().map(r -> r.brief().id()).toList());
        List<BriefResult> written = new ArrayList<>();
        for (BriefResult result : results) {
            BriefResult kept = claimId(result);
            Brief brief = kept.brief().withStory(storyOf(kept.brief().id()));
            BriefFiles.write(outputDir, brief);
            ledger.reconcile(runDate, brief.id(), brief.source().file(), kept.failures());
            OutcomeLog.written(brief, kept.failures());
            written.add(kept);
            progress.written(brief);
        }
        countOnCommit(written);
    }

    /**
     * Briefs are counted when their chunk commits, as the job repository and the ledger count them:
     * a chunk rolled back (the night failed) is briefed again by the restart, and counted then.
     */
    private void countOnCommit(List<BriefResult> written) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            written.forEach(counters::written);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                written.forEach(counters::written);
            }
        });
    }

    /**
     * Two files of a day may claim one id (a.txt and a.json, or an 'id' field). The file that
     * sorts first keeps the id whichever thread gets there first; the other is reported as a
     * failed article under a derived id, so neither brief overwrites the other.
     */
    private BriefResult claimId(BriefResult result) throws IOException {
        Brief brief = result.brief();
        synchronized (idLock(brief.id())) {
            Brief existing = BriefFiles.read(outputDir, brief.id());
            if (existing == null
                    || existing.source().file().equals(brief.source().file())) {
                return result;
            }
            String owner = existing.source().file();
            String loser = brief.source().file();
            if (loser.compareTo(owner) < 0) {
                // This file sorts first: it takes the id back, and the earlier writer's brief is reported as the
                // duplicate.
                writeDuplicate(existing.id(), owner, loser);
                return result;
            }
            return duplicate(brief.id(), loser, owner);
        }
    }

    private void writeDuplicate(String id, String sourceFile, String owner) throws IOException {
        BriefResult dup = duplicate(id, sourceFile, owner);
        BriefFiles.write(outputDir, dup.brief().withStory(storyOf(dup.brief().id())));
        OutcomeLog.written(dup.brief(), dup.failures());
        ledger.reconcile(runDate, id, sourceFile, List.of());
        ledger.reconcile(runDate, dup.brief().id(), sourceFile, dup.failures());
        countOnCommit(List.of(dup));
    }

    private BriefResult duplicate(String id, String sourceFile, String owner) {
        String message = sourceFile + ": article id '" + id + "' is also the id of the article in " + owner
                + "; give each article its own id (rename the file or set its 'id')";
        Failure failure = new Failure(Failure.READ, null, 0, "DuplicateId", message, 1);
        Brief brief = new Brief(
                ArticleId.ofDuplicate(id, sourceFile),
                runDate,
                null,
                null,
                Brief.FAILED,
                message,
                new Brief.Source(sourceFile, null, List.of()),
                Map.of(),
                new Brief.Chunks(0, 0));
        return new BriefResult(brief, List.of(failure));
    }

    /**
     * Read when the first brief is written, not before: the stories step records them after this writer may
     * have been made (rerun-failed's is made with its context), and never changes them during the run.
     */
    private synchronized String storyOf(String articleId) {
        if (storyOf == null) {
            storyOf = stories.of(runDate).storyOf();
        }
        return storyOf.apply(articleId);
    }

    private static final ConcurrentHashMap<String, Object> ID_LOCKS = new ConcurrentHashMap<>();

    private static Object idLock(String id) {
        return ID_LOCKS.computeIfAbsent(id, k -> new Object());
    }

    /** The brief of an article that could not be briefed, with its failure for the ledger. */
    public BriefResult failed(String id, String sourceFile, String stage, Throwable t) {
        Failure failure = failure(stage, t);
        Brief brief = new Brief(
                id,
                runDate,
                null,
                null,
                Brief.FAILED,
                failure.message(),
                new Brief.Source(sourceFile, null, List.of()),
                Map.of(),
                new Brief.Chunks(0, 0));
        return new BriefResult(brief, List.of(failure));
    }

    private static Failure failure(String stage, Throwable t) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new Failure(stage, null, 0, t.getClass().getSimpleName(), stage + " failed: " + message, 1);
    }
}
