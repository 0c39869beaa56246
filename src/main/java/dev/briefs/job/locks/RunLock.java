package dev.briefs.job.locks;

import dev.briefs.job.settings.JobSettings;
import java.io.IOException;

/**
 * Who may run a date now. While a process holds it, any execution of the date that the job
 * repository still shows as running belongs to a process that is gone, and may be recovered.
 * With an embedded H2 repository this is a file lock on the data folder ({@link FileRunLock}); with
 * a shared PostgreSQL repository it is an advisory lock of the date in that database ({@link AdvisoryLock}),
 * so it holds across machines while other dates run beside it.
 */
public interface RunLock extends AutoCloseable {

    /** @return the lock, or {@code null} when another process holds it */
    static RunLock tryAcquire(JobSettings settings, String what) throws IOException {
        if (settings.repository().postgres()) {
            return AdvisoryLock.tryAcquire(
                    settings.repository(), AdvisoryLock.RUN, settings.date().toEpochDay(), what);
        }
        return FileRunLock.tryAcquire(settings.folders().data(), what);
    }

    /** Who holds the lock, for the refusal message. */
    static String holder(JobSettings settings) {
        if (settings.repository().postgres()) {
            return "its lock in the job database " + settings.repository() + " is held by "
                    + AdvisoryLock.holder(
                            settings.repository(),
                            AdvisoryLock.RUN,
                            settings.date().toEpochDay());
        }
        return "the data folder " + settings.folders().data() + " is held by "
                + FileRunLock.holder(settings.folders().data());
    }

    @Override
    void close() throws IOException;
}
