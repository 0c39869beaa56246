package dev.briefs.report;

import dev.briefs.brief.Failure;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.log.Invocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the operator runs, or does, to clear a failure: the morning's to-do list, one line a reason. */
final class FixCommands {

    private static final Pattern MISSING_MODEL = Pattern.compile("model not installed: ([^\\s(]+)");
    /**
     * A pair without a route: its message ends with the fetch of the models that would give it one. Only
     * the models are read from it: the message may have been recorded by a run started another way (a
     * worker, a container), and the fix names the command of whoever reads it now.
     */
    private static final Pattern ROUTE_FETCH = Pattern.compile("models fetch ([A-Za-z0-9._ -]+)$");

    /**
     * The rest of a feed over {@code max-file-articles} (dev.briefs.article.JsonLinesStream): rerun-failed would read
     * the same first articles and fail the same line; only a new run of the date reads the file again whole.
     */
    private static final String FEED_OVER_LIMIT = "'max-file-articles'";

    private FixCommands() {}

    static String rerun(String date) {
        return Invocation.command("rerun-failed --date " + date);
    }

    static String of(LedgerEntry e, String date) {
        if ("ModelNotInstalled".equals(e.errorType())) {
            Matcher m = MISSING_MODEL.matcher(e.message() == null ? "" : e.message());
            String model = m.find() ? m.group(1) : "";
            return Invocation.command("models fetch " + model).strip() + " && " + rerun(date);
        }
        if ("NoRoute".equals(e.errorType())) {
            Matcher m = ROUTE_FETCH.matcher(e.message() == null ? "" : e.message());
            return m.find()
                    ? Invocation.command("models fetch " + m.group(1).strip()) + " && " + rerun(date)
                    : "install a model for the language pair and name it in the job file (the message says which), then: "
                            + rerun(date);
        }
        if ("DuplicateId".equals(e.errorType())) {
            return "give each article its own id (rename the file or set its 'id'), then: " + rerun(date);
        }
        if (Failure.READ.equals(e.stage()) && e.message() != null && e.message().contains(FEED_OVER_LIMIT)) {
            return "split the file, or raise 'max-file-articles' in the job file, then: "
                    + Invocation.command("run --force --date " + date);
        }
        if (Failure.READ.equals(e.stage()) || Failure.PROCESS.equals(e.stage())) {
            // The same file fails the same way until someone changes it: rerunning alone would not help.
            return "fix the article's file (the message says what is wrong), then: " + rerun(date);
        }
        // Timeouts, I/O errors and the like may pass; the work is redone as it is.
        return rerun(date);
    }
}
