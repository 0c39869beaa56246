package dev.briefs.story;

import dev.briefs.inference.SentenceEmbeddingModel;
import java.util.List;
import java.util.Set;

final class StorySpacesTestSupport {

    private StorySpacesTestSupport() {}

    static List<EmbeddingSpace> englishOnly(LeadEncoder minilm) {
        return List.of(
                EmbeddingSpace.within(SentenceEmbeddingModel.NAME, Set.of("en"), StorySpaces.MINILM_THRESHOLD, minilm));
    }
}
