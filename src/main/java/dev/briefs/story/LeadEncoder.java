package dev.briefs.story;

import java.util.List;

/**
 * Turns an article's texts (its lead, or its windows: {@link Comparison#texts}) into unit-length vectors whose
 * dot product is their cosine similarity. Each text's vector
 * must not depend on the other texts of the call (the embedding models here run each text alone), or a
 * story could change with what else came in that night.
 */
@FunctionalInterface
public interface LeadEncoder {

    float[][] embed(List<String> leads);
}
