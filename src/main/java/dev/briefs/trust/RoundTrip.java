package dev.briefs.trust;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A translation translated back into its source's language and compared with the source, as a
 * language brief records it: either a score and how it was measured, or why it was not measured.
 *
 * @param score       similarity of the text translated back to the source: all-MiniLM-L6-v2's cosine (0 to 1)
 *                    when {@code measure} is {@code embedding}, sacrebleu's chrF2 (0 to 100) when {@code chrf};
 *                    null when not measured
 * @param measure     {@code embedding} (the source is English) or {@code chrf} (any other language)
 * @param model       the model that wrote the text translated back
 * @param text        the text translated back, for a reader of the source's language
 * @param notMeasured why there is no score (no route back, the translation back failed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoundTrip(Double score, String measure, String model, String text, String notMeasured) {

    public static final String EMBEDDING = "embedding";
    public static final String CHRF = "chrf";

    public static RoundTrip measured(double score, String measure, String model, String text) {
        return new RoundTrip(score, measure, model, text, null);
    }

    public static RoundTrip notMeasured(String model, String reason) {
        return new RoundTrip(null, null, model, null, reason);
    }

    public boolean measured() {
        return score != null;
    }

    /** As people read the measure: {@code embedding} or {@code chrF}. */
    public String measureName() {
        return CHRF.equals(measure) ? "chrF" : measure;
    }
}
