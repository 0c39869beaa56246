package dev.briefs.translate;

import java.util.List;

/**
 * What a known translation model (an entry of the model catalog) translates: from any of its source
 * languages into any of its target languages. One of each: a model made for that pair (opus-mt);
 * more: a multilingual model (NLLB).
 */
public record ModelLanguages(String name, List<String> sources, List<String> targets) {

    public ModelLanguages {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
    }

    public boolean translates(String from, String to) {
        return !from.equals(to) && sources.contains(from) && targets.contains(to);
    }

    public boolean multilingual() {
        return sources.size() > 1 || targets.size() > 1;
    }
}
