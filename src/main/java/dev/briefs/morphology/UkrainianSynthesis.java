package dev.briefs.morphology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * VESUM the other way round: the forms of a lemma that carry a given tag ("Київ" and
 * {@code noun:inanim:m:v_mis:prop:geo} give "Києві"). The same jar as {@link UkrainianDictionary}
 * ships the synthesis dictionary LanguageTool's Ukrainian synthesizer reads, whose entries are
 * keyed {@code lemma|tag}; it is read here the same way, with morfologik.
 */
public final class UkrainianSynthesis {

    static final String RESOURCE = "/org/languagetool/resource/uk/ukrainian_synth.dict";

    private final DictionaryLookup lookup;

    private UkrainianSynthesis(DictionaryLookup lookup) {
        this.lookup = lookup;
    }

    public static UkrainianSynthesis load() {
        URL dictionary = UkrainianSynthesis.class.getResource(RESOURCE);
        if (dictionary == null) {
            throw new IllegalStateException("the Ukrainian synthesis dictionary " + RESOURCE + " is missing from the"
                    + " classpath; it comes with the ua.net.nlp:morfologik-ukrainian-lt dependency: rebuild the jar");
        }
        try {
            return new UkrainianSynthesis(new DictionaryLookup(Dictionary.read(dictionary)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Ukrainian synthesis dictionary " + dictionary, e);
        }
    }

    /**
     * The forms of a lemma with exactly this tag, in the dictionary's order; none when VESUM has no such
     * form. The lookup is not thread-safe, hence the lock.
     */
    public synchronized List<String> forms(String lemma, String tag) {
        List<String> forms = new ArrayList<>();
        for (WordData entry : lookup.lookup(lemma + "|" + tag)) {
            if (entry.getStem() != null) {
                forms.add(entry.getStem().toString());
            }
        }
        return forms;
    }
}
