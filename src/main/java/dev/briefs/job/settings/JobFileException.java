package dev.briefs.job.settings;

/** A job file that cannot be used; the message names the file and the setting. */
public class JobFileException extends RuntimeException {

    public JobFileException(String message) {
        super(message);
    }
}
