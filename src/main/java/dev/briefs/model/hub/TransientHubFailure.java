package dev.briefs.model.hub;

/** A failure of one exchange with the hub that may pass if tried again: a timeout, a cut connection, 429, 5xx. */
final class TransientHubFailure extends Exception {

    TransientHubFailure(String message) {
        super(message, null, false, false);
    }
}
