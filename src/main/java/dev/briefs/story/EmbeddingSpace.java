package dev.briefs.story;

import java.util.Objects;
import java.util.Set;

/**
 * One embedding model as story finding uses it: which languages it reads, and the cosine similarity at
 * which two leads it embeds count as the same story. Thresholds belong to a model: the same pair of texts
 * gets other similarities from another model.
 *
 * @param model     the model's name, shown with each similarity
 * @param languages the languages it compares among themselves; empty: every language, and across them
 *                  (a multilingual model)
 * @param threshold cosine similarity from which two leads are the same story
 * @param encoder   the model
 */
public record EmbeddingSpace(String model, Set<String> languages, double threshold, LeadEncoder encoder) {

    public EmbeddingSpace {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(encoder, "encoder");
        languages = Set.copyOf(languages);
        if (!(threshold > -1 && threshold < 1)) {
            throw new IllegalArgumentException(
                    model + ": a story threshold is a cosine similarity between -1 and 1, not " + threshold);
        }
    }

    /** A model trained on some languages: it compares two articles only when both are in one of them. */
    public static EmbeddingSpace within(String model, Set<String> languages, double threshold, LeadEncoder encoder) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(model + ": name the languages it reads");
        }
        return new EmbeddingSpace(model, languages, threshold, encoder);
    }

    /** A multilingual model: it compares any two articles, in one language or across two. */
    public static EmbeddingSpace multilingual(String model, double threshold, LeadEncoder encoder) {
        return new EmbeddingSpace(model, Set.of(), threshold, encoder);
    }

    public boolean isMultilingual() {
        return languages.isEmpty();
    }

    boolean reads(String language) {
        return languages.isEmpty() || languages.contains(language);
    }
}
