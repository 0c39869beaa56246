package dev.briefs.failure;

import ai.djl.engine.EngineException;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Which failures one article may have without stopping the night. Only these become a failed brief
 * and a ledger row: a failure that may pass (a timeout, an I/O error of a model call) once its
 * retries are spent, the model engine refusing an input, and an {@link ArticleFault}. Anything
 * else, a NullPointerException, an IllegalStateException, an OutOfMemoryError, is a fault of the
 * code or of the machine: it would fail every article alike, so it fails the job (exit 1), which
 * restarts from its last committed chunk once the cause is fixed. So is any failure of the job
 * repository's database, which a model call meets in the output cache it reads and writes there: the
 * database gone (a restart, a failover; see {@link FailureText#databaseUnreachable(Throwable)}), or its
 * disk full. Such errors often carry an I/O error too (a refused connection, a write refused), but they
 * are no model call's failure to retry, and no article's: the article's failure could not be recorded
 * in that database either, and a cache write that failed is never passed over.
 */
public final class ExpectedFailures {

    private ExpectedFailures() {}

    /** Worth trying again: a timeout or an I/O error, anywhere in the cause chain. */
    public static boolean mayPass(Throwable t) {
        if (hasError(t) || repositoryFailure(t)) {
            return false;
        }
        for (Throwable c = t; c != null; c = next(c)) {
            if (c instanceof IOException || c instanceof UncheckedIOException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One article's failure: the article fails alone, the night goes on. */
    public static boolean perArticle(Throwable t) {
        if (hasError(t) || repositoryFailure(t)) {
            return false;
        }
        if (mayPass(t)) {
            return true;
        }
        for (Throwable c = t; c != null; c = next(c)) {
            // The engine's own exceptions: ONNX Runtime refused this input (its shape, its length).
            if (c instanceof ArticleFault
                    || c instanceof EngineException
                    || c instanceof OrtException
                    || c instanceof TranslateException) {
                return true;
            }
        }
        return false;
    }

    /** A failure of the job repository's database: an SQL error anywhere in the chain (no model call makes one). */
    private static boolean repositoryFailure(Throwable t) {
        return FailureText.databaseUnreachable(t) || Causes.find(t, SQLException.class) != null;
    }

    private static boolean hasError(Throwable t) {
        for (Throwable c = t; c != null; c = next(c)) {
            if (c instanceof Error) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable c) {
        return c.getCause() == c ? null : c.getCause();
    }
}
