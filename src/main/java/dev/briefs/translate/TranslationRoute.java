package dev.briefs.translate;

import java.util.List;
import java.util.Locale;

/**
 * The installed models that take a text from one language into another, in the order they run.
 *
 * @param kind   {@link Kind#DIRECT}: one model made for the pair; {@link Kind#MULTILINGUAL}: one model
 *               for many languages, told the pair with each call (NLLB); {@link Kind#PIVOT}: the text goes
 *               into English with the first model, and from English into the target with the second
 * @param models one model, or two for a pivot
 */
public record TranslationRoute(Kind kind, List<String> models) {

    /** The language a pivot goes through: the one that most models translate from and into. */
    public static final String PIVOT_LANGUAGE = "en";

    /** The kinds of route, in the order the router prefers them. */
    public enum Kind {
        DIRECT,
        MULTILINGUAL,
        PIVOT;

        /** As the job file and the brief write it: {@code direct}, {@code multilingual}, {@code pivot}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of an id, or null when there is none. */
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    public TranslationRoute {
        models = List.copyOf(models);
        if (models.size() != (kind == Kind.PIVOT ? 2 : 1)) {
            throw new IllegalArgumentException(
                    "a " + kind.id() + " route has " + (kind == Kind.PIVOT ? 2 : 1) + " model(s), not " + models);
        }
    }

    public static TranslationRoute pivot(String intoEnglish, String fromEnglish) {
        return new TranslationRoute(Kind.PIVOT, List.of(intoEnglish, fromEnglish));
    }

    /** The model that writes the target language: the one a brief names as its model. */
    public String lastModel() {
        return models.get(models.size() - 1);
    }
}
