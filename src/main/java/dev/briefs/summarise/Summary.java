package dev.briefs.summarise;

import dev.briefs.chunk.ChunkFailure;
import dev.briefs.failure.Degradation;
import java.util.ArrayList;
import java.util.List;

/**
 * A summary in the article's own language.
 *
 * @param text        whole sentences, or {@code null} when no chunk could be summarised
 * @param model       what produced it
 * @param chunksTotal chunks of the article the summariser was given
 * @param failures    chunks whose model call failed for good; their content is missing from the summary
 * @param degraded    what made it worse than asked for, though it did not fail
 * @param path        which way it was made
 */
public record Summary(
        String text,
        String model,
        int chunksTotal,
        List<ChunkFailure> failures,
        List<Degradation> degraded,
        SummaryPath path) {

    public Summary {
        failures = List.copyOf(failures);
        degraded = List.copyOf(degraded);
    }

    /** The same summary, with one more thing said about it. */
    public Summary with(Degradation degradation) {
        List<Degradation> more = new ArrayList<>(degraded);
        more.add(degradation);
        return new Summary(text, model, chunksTotal, failures, more, path);
    }

    /** The same summary, made another way than its summariser knew (a stand-in for a missing model). */
    public Summary on(SummaryPath otherPath) {
        return new Summary(text, model, chunksTotal, failures, degraded, otherPath);
    }

    /** A summary with every chunk's sentences considered. */
    public boolean ok() {
        return text != null && failures.isEmpty();
    }

    public int chunksFailed() {
        return failures.size();
    }

    /** The first failure, for people; {@code null} when none. */
    public String error() {
        return failures.isEmpty() ? null : failures.get(0).describe();
    }
}
