package dev.briefs.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Whether a progress bar is on the terminal, so that log lines and the bar share it: while the bar
 * shows, the per-article lines below warnings are held back (the bar counts them), and any other
 * line first clears the bar's line (the bar draws itself again below it). A filter rather than a
 * logger level, because Spring Boot configures Logback again when a command starts its context.
 */
public final class ConsoleBar extends Filter<ILoggingEvent> {

    private static volatile boolean shown;

    /** Erases the line the cursor is on: carriage return, then ANSI "erase in line". */
    static final byte[] CLEAR_LINE = {'\r', 0x1b, '[', 'K'};

    public static void shown(boolean isShown) {
        shown = isShown;
    }

    public static boolean isShown() {
        return shown;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (shown
                && LogFields.ARTICLES_LOGGER.equals(event.getLoggerName())
                && !event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
