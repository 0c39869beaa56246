package dev.briefs.log;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.StatusPrinter;

/**
 * Prints Logback's own errors (an appender that cannot start, a broken pattern) on standard
 * error, and nothing else. Without a listener Logback prints its whole start-up chatter on the
 * first warning, and logback.xml declares an appender per format, one of which goes unused by
 * design, with a warning each time.
 */
public final class ErrorStatusListener extends ContextAwareBase implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.ERROR) {
            StringBuilder line = new StringBuilder();
            StatusPrinter.buildStr(line, "", status);
            System.err.print(line);
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
