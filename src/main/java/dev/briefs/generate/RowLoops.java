package dev.briefs.generate;

import java.util.stream.IntStream;

/**
 * The rows of a search step, spread over the common fork-join pool only where the model's share of the machine has
 * more than one thread ({@link Seq2SeqModel#searchThreads()}). Each row's work is independent of the others', so the
 * results are the same either way; only who computes them changes.
 */
final class RowLoops {

    private RowLoops() {}

    /** Rows {@code 0..rows-1}, parallel when {@code threads > 1} and there is more than one row. */
    static IntStream rows(int rows, int threads) {
        IntStream range = IntStream.range(0, rows);
        return threads > 1 && rows > 1 ? range.parallel() : range;
    }
}
