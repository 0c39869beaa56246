package dev.briefs.job.wiring;

import dev.briefs.brief.BriefStyle;
import dev.briefs.inference.GenerationModels;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at the start of a run which house style terms the job file's translation models cannot force, so that an
 * editor learns it before the briefs do: each such brief will say the term was not forced, and be doubtful.
 * A warning, not a refusal: the style may serve other models, and the briefs record it either way.
 */
final class StyleReach {

    private static final Logger LOG = LoggerFactory.getLogger(StyleReach.class);

    private StyleReach() {}

    /** @param modelByPair the job file's {@code models.translate} ({@code uk-en} → model name) */
    static void warnOfUnforceableTerms(BriefStyle style, Map<String, String> modelByPair, GenerationModels models) {
        modelByPair.forEach((pair, model) -> {
            String[] languages = pair.split("-", 2);
            if (languages.length == 2 && models.installed(model)) {
                for (String term : style.unforceable(languages[0], languages[1], models.get(model))) {
                    LOG.warn(
                            "house style, {}: {}; its briefs will say so. Write the term as the model writes it, or"
                                    + " translate {} with a model that can",
                            pair,
                            term,
                            pair);
                }
            }
        });
    }
}
