package dev.briefs.job.nightly;

import dev.briefs.brief.Brief;

/** Told about each brief as it is written, so the command line can show progress. */
public interface RunProgress {

    RunProgress NONE = brief -> {};

    void written(Brief brief);
}
