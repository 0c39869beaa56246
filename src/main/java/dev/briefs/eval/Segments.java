package dev.briefs.eval;

import java.util.List;

/** Checks shared by the metrics: hypotheses and references pair up line by line. */
final class Segments {

    private Segments() {}

    static void requireSameSize(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new EvalInputException(hypotheses.size() + " hypotheses but " + references.size()
                    + " references: they pair up line by line");
        }
        if (hypotheses.isEmpty()) {
            throw new EvalInputException("no segments to score");
        }
    }
}
