package dev.briefs.report;

import dev.briefs.brief.Failure;
import dev.briefs.ledger.LedgerEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the operator runs, or does, to clear a failure: the morning's to-do list, one line a reason. */
final class FixCommands {

    static final String JAR = "java -jar target/briefs.jar";

    private static final Pattern MISSING_MODEL = Pattern.compile("model not installed: ([^\\s(]+)");

    private FixCommands() {
    }

    static String rerun(String date) {
        return JAR + " rerun-failed --date " + date;
    }

    static String of(LedgerEntry e, String date) {
        if ("ModelNotInstalled".equals(e.errorType())) {
            Matcher m = MISSING_MODEL.matcher(e.message() == null ? "" : e.message());
            String model = m.find() ? m.group(1) : "";
            return (JAR + " models fetch " + model).strip() + " && " + rerun(date);
        }
        if ("DuplicateId".equals(e.errorType())) {
            return "give each article its own id (rename the file or set its 'id'), then: " + rerun(date);
        }
        if (Failure.READ.equals(e.stage()) || Failure.PROCESS.equals(e.stage())) {
            // The same file fails the same way until someone changes it: rerunning alone would not help.
            return "fix the article's file (the message says what is wrong), then: " + rerun(date);
        }
        // Timeouts, I/O errors and the like may pass; the work is redone as it is.
        return rerun(date);
    }
}
