package dev.briefs.translate;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.UnknownLanguageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Translates through the route {@link Routes} chooses for each language pair: one model (direct or
 * multilingual), or two, through English (pivot). When a pair has no route, the translation fails
 * with the reason and the models that would fix it: a translation is never invented or copied from
 * the source.
 *
 * <p>The work of all the texts runs in two steps, each shared out by model so that texts of many
 * articles share model calls: first every one-model route and the first leg of every pivot, then the
 * pivots' second legs, whose input is exactly the English the first leg wrote. A failure of either leg
 * is the translation's failure, naming the leg and its model; what degraded either leg is kept.
 *
 * <p>The pair's languages go to the model with each call: a multilingual model (NLLB) uses them
 * to pick its language tokens, a model made for the pair (Marian) ignores them. A multilingual
 * model that does not know one of the languages fails the translation with an error naming it.
 */
public final class ModelTranslators implements Translator {

    private final Routes routes;
    private final GenerationModels models;
    private final int maxChunkTokens;
    private final BatchedGeneration batches;
    private final LegTranslator legs;

    /** Translates with the job file's model for each pair only, as before routes. */
    public ModelTranslators(
            Map<String, String> modelByPair, GenerationModels models, int maxChunkTokens, BatchedGeneration batches) {
        this(
                new Routes(
                        modelByPair,
                        Map.of(),
                        List.of(),
                        models::installed,
                        name -> models.get(name).multilingual()),
                models,
                maxChunkTokens,
                batches);
    }

    /**
     * @param maxChunkTokens upper bound on a chunk's tokens; the model's own position limit applies too
     */
    public ModelTranslators(Routes routes, GenerationModels models, int maxChunkTokens, BatchedGeneration batches) {
        this(routes, models, maxChunkTokens, batches, TermConstraints.NONE);
    }

    private ModelTranslators(
            Routes routes,
            GenerationModels models,
            int maxChunkTokens,
            BatchedGeneration batches,
            TermConstraints terms) {
        this.routes = routes;
        this.models = models;
        this.maxChunkTokens = maxChunkTokens;
        this.batches = batches;
        this.legs = new LegTranslator(models, maxChunkTokens, batches, terms);
    }

    /**
     * The same routes and models, forcing the house style's terms into what they write: the briefs' translator.
     * The checks' round trips go through one without, since they test what the model makes of the brief.
     */
    public ModelTranslators withTerms(TermConstraints terms) {
        return new ModelTranslators(routes, models, maxChunkTokens, batches, terms);
    }

    /**
     * Translates each language pair by the best route through the installed models (see {@link Routes}): the job
     * file's models first, then those the catalog in the models folder lists. The models the job file names load
     * here, so that a broken one stops the run before any article is read; others load when a route first needs them.
     *
     * @param modelByPair the job file's {@code models.translate}
     * @param forced      the job file's {@code models.routes}
     */
    public static ModelTranslators forJob(
            Map<String, String> modelByPair,
            Map<String, ForcedRoute> forced,
            Path modelsDir,
            GenerationModels models,
            int maxChunkTokens,
            BatchedGeneration batches) {
        Routes routes = new Routes(
                modelByPair,
                forced,
                CatalogRoutes.translationModels(modelsDir),
                models::installed,
                name -> models.get(name).multilingual());
        ModelTranslators translators = new ModelTranslators(routes, models, maxChunkTokens, batches);
        List<String> named = new ArrayList<>(modelByPair.values());
        named.addAll(Routes.forcedModels(forced));
        translators.loadInstalled(named);
        return translators;
    }

    /** Loads each named model that is installed, so that a broken one stops the run before it starts. */
    public void loadInstalled(Collection<String> named) {
        named.stream().distinct().filter(models::installed).forEach(models::get);
    }

    @Override
    public boolean hasRoute(String sourceLanguage, String targetLanguage) {
        return routes.choose(sourceLanguage, targetLanguage).found();
    }

    @Override
    public List<Translation> translateAll(List<Request> requests) {
        Translation[] out = new Translation[requests.size()];
        TranslationRoute[] taken = new TranslationRoute[requests.size()];
        List<Integer> firstOf = new ArrayList<>();
        List<LegTranslator.Leg> first = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            Routes.Choice choice = routes.choose(r.sourceLanguage(), r.targetLanguage());
            if (!choice.found()) {
                out[i] = Translation.failed(choice.model(), choice.errorType(), choice.message());
                continue;
            }
            TranslationRoute route = choice.route();
            List<LegTranslator.Leg> planned = legsOf(route, r);
            try {
                for (LegTranslator.Leg leg : planned) {
                    models.get(leg.model()).checkLanguages(leg.source(), leg.target());
                }
            } catch (UnknownLanguageException e) {
                out[i] = Translation.failed(route.lastModel(), "UnknownLanguage", e.getMessage(), route);
                continue;
            }
            taken[i] = route;
            firstOf.add(i);
            first.add(planned.get(0));
        }
        List<LegTranslator.Done> firstDone = legs.run(first);

        int[] secondAt = new int[requests.size()];
        Arrays.fill(secondAt, -1);
        List<LegTranslator.Leg> second = new ArrayList<>();
        for (int k = 0; k < firstOf.size(); k++) {
            int i = firstOf.get(k);
            // Blank English has no sentence to translate: the pivot gives an empty text, as a direct model would.
            if (taken[i].kind() == TranslationRoute.Kind.PIVOT
                    && firstDone.get(k).text() != null
                    && !firstDone.get(k).text().isBlank()) {
                LegTranslator.Leg planned = legsOf(taken[i], requests.get(i)).get(1);
                secondAt[i] = second.size();
                second.add(new LegTranslator.Leg(
                        planned.model(),
                        firstDone.get(k).text(),
                        planned.source(),
                        planned.target(),
                        planned.briefLanguage()));
            }
        }
        List<LegTranslator.Done> secondDone = legs.run(second);

        for (int k = 0; k < firstOf.size(); k++) {
            int i = firstOf.get(k);
            out[i] = taken[i].kind() != TranslationRoute.Kind.PIVOT
                    ? oneModel(taken[i], firstDone.get(k))
                    : pivot(
                            taken[i],
                            requests.get(i),
                            firstDone.get(k),
                            secondAt[i] < 0 ? null : secondDone.get(secondAt[i]));
        }
        return Arrays.asList(out);
    }

    private static List<LegTranslator.Leg> legsOf(TranslationRoute route, Request r) {
        String to = r.targetLanguage();
        if (route.kind() != TranslationRoute.Kind.PIVOT) {
            return List.of(new LegTranslator.Leg(route.lastModel(), r.text(), r.sourceLanguage(), to, to));
        }
        String en = TranslationRoute.PIVOT_LANGUAGE;
        return List.of(
                new LegTranslator.Leg(route.models().get(0), r.text(), r.sourceLanguage(), en, to),
                new LegTranslator.Leg(route.models().get(1), null, en, to, to));
    }

    private static Translation oneModel(TranslationRoute route, LegTranslator.Done done) {
        return new Translation(
                done.text(),
                route.lastModel(),
                done.chunks(),
                done.failures(),
                done.degraded(),
                route,
                done.confidence());
    }

    /** Both legs as one translation: the second leg's chunks are counted after the first's. */
    private static Translation pivot(
            TranslationRoute route, Request r, LegTranslator.Done into, LegTranslator.Done outOf) {
        String en = TranslationRoute.PIVOT_LANGUAGE;
        List<ChunkFailure> failures = new ArrayList<>(
                named(into.failures(), 1, r.sourceLanguage(), en, route.models().get(0), 0));
        List<Degradation> degraded = new ArrayList<>(into.degraded());
        int chunks = into.chunks();
        String text = into.text() == null ? null : "";
        if (outOf != null) {
            failures.addAll(named(
                    outOf.failures(), 2, en, r.targetLanguage(), route.models().get(1), into.chunks()));
            degraded.addAll(outOf.degraded());
            chunks += outOf.chunks();
            text = outOf.text();
        }
        double confidence = outOf == null ? Double.NaN : Math.min(into.confidence(), outOf.confidence());
        return new Translation(text, route.lastModel(), chunks, failures, degraded, route, confidence);
    }

    private static List<ChunkFailure> named(
            List<ChunkFailure> failures, int leg, String from, String to, String model, int offset) {
        return failures.stream()
                .map(f -> new ChunkFailure(
                        f.chunkIndex() + offset,
                        f.errorType(),
                        "pivot leg " + leg + " of 2 (" + from + " to " + to + ", " + model + "): " + f.message(),
                        f.attempts()))
                .toList();
    }
}
