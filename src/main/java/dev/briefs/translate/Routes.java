package dev.briefs.translate;

import dev.briefs.log.Invocation;
import dev.briefs.translate.TranslationRoute.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Chooses, for each language pair, the route its translations take through the installed models.
 * Unless the job file forces a route for the pair ({@code models.routes}), the first that is installed:
 * <ol>
 *   <li>the model the job file names for the pair ({@code models.translate}), whatever its kind: the
 *       job file's choice comes first;</li>
 *   <li>a catalog model made for the pair (direct);</li>
 *   <li>a catalog model for many languages that knows both (multilingual, such as NLLB);</li>
 *   <li>a pivot through English: a model made for the pair into English, then one out of it (for each,
 *       the job file's model for that pair first, then the catalog's).</li>
 * </ol>
 * A pair without a route gets the reason and the models that would give it one. The choice is made
 * once per pair and kept, so that every article of a run takes the same route.
 */
public final class Routes {

    static final String NOT_INSTALLED = "ModelNotInstalled";
    static final String NO_ROUTE = "NoRoute";
    static final String FETCH = Invocation.command("models fetch ");

    /**
     * A pair's route, or why it has none.
     *
     * @param model     the model a failure concerns, or null
     * @param errorType {@code ModelNotInstalled} (a model the job file names is missing) or {@code NoRoute}
     */
    public record Choice(TranslationRoute route, String model, String errorType, String message) {

        public boolean found() {
            return route != null;
        }

        static Choice of(TranslationRoute route) {
            return new Choice(route, null, null, null);
        }

        static Choice notInstalled(String model) {
            return new Choice(
                    null,
                    model,
                    NOT_INSTALLED,
                    "model not installed: " + model + " (install it with: " + FETCH + model + ")");
        }

        static Choice none(String message) {
            return new Choice(null, null, NO_ROUTE, message);
        }
    }

    private final Map<String, String> pairModels;
    private final Map<String, ForcedRoute> forced;
    private final List<ModelLanguages> catalog;
    private final Predicate<String> installed;
    private final Predicate<String> multilingual;
    private final Map<String, Choice> chosen = new ConcurrentHashMap<>();

    /**
     * @param pairModels   the job file's model per pair ({@code en-uk})
     * @param forced       the job file's forced routes per pair
     * @param catalog      the translation models the catalog knows, in its order
     * @param installed    whether a model is installed
     * @param multilingual whether an installed model serves many pairs (asked only of models a route uses)
     */
    public Routes(
            Map<String, String> pairModels,
            Map<String, ForcedRoute> forced,
            List<ModelLanguages> catalog,
            Predicate<String> installed,
            Predicate<String> multilingual) {
        this.pairModels = Map.copyOf(pairModels);
        this.forced = Map.copyOf(forced);
        this.catalog = List.copyOf(catalog);
        this.installed = installed;
        this.multilingual = multilingual;
    }

    public Choice choose(String from, String to) {
        return chosen.computeIfAbsent(from + "-" + to, pair -> {
            ForcedRoute rule = forced.get(pair);
            return rule != null ? forcedChoice(from, to, rule) : best(from, to);
        });
    }

    private Choice best(String from, String to) {
        Optional<TranslationRoute> one = oneModel(from, to, null);
        if (one.isPresent()) {
            return Choice.of(one.get());
        }
        Optional<TranslationRoute> pivot = pivot(from, to);
        if (pivot.isPresent()) {
            return Choice.of(pivot.get());
        }
        String named = pairModels.get(from + "-" + to);
        // The job file asked for this model: fetching it is the fix it expects, as before routes existed.
        return named != null
                ? Choice.notInstalled(named)
                : Choice.none(RouteAdvice.noRoute(from, to, catalog, installed));
    }

    /** The best installed one-model route of the kind asked for (null: either kind). */
    private Optional<TranslationRoute> oneModel(String from, String to, Kind kind) {
        String named = pairModels.get(from + "-" + to);
        if (named != null && installed.test(named)) {
            TranslationRoute route = single(named);
            if (kind == null || route.kind() == kind) {
                return Optional.of(route);
            }
        }
        for (Kind wanted : kind == null ? List.of(Kind.DIRECT, Kind.MULTILINGUAL) : List.of(kind)) {
            for (ModelLanguages m : catalog) {
                if (m.translates(from, to)
                        && m.multilingual() == (wanted == Kind.MULTILINGUAL)
                        && installed.test(m.name())) {
                    return Optional.of(new TranslationRoute(wanted, List.of(m.name())));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<TranslationRoute> pivot(String from, String to) {
        String en = TranslationRoute.PIVOT_LANGUAGE;
        if (from.equals(en) || to.equals(en)) {
            return Optional.empty();
        }
        // Legs are models made for their pair: a multilingual model for both legs would serve the pair itself.
        Optional<TranslationRoute> into = oneModel(from, en, Kind.DIRECT);
        Optional<TranslationRoute> outOf = oneModel(en, to, Kind.DIRECT);
        return into.isPresent() && outOf.isPresent()
                ? Optional.of(TranslationRoute.pivot(
                        into.get().lastModel(), outOf.get().lastModel()))
                : Optional.empty();
    }

    private TranslationRoute single(String model) {
        return new TranslationRoute(multilingual.test(model) ? Kind.MULTILINGUAL : Kind.DIRECT, List.of(model));
    }

    private Choice forcedChoice(String from, String to, ForcedRoute rule) {
        if (rule.kind() == null) {
            for (String model : rule.models()) {
                if (!installed.test(model)) {
                    return Choice.notInstalled(model);
                }
            }
            return Choice.of(
                    rule.models().size() == 2
                            ? TranslationRoute.pivot(
                                    rule.models().get(0), rule.models().get(1))
                            : single(rule.models().get(0)));
        }
        Optional<TranslationRoute> route =
                rule.kind() == Kind.PIVOT ? pivot(from, to) : oneModel(from, to, rule.kind());
        return route.map(Choice::of)
                .orElseGet(() -> Choice.none(RouteAdvice.noForcedRoute(from, to, rule.kind(), catalog, installed)));
    }

    /** Every model a forced route names, for the preflight and for loading at start. */
    public static List<String> forcedModels(Map<String, ForcedRoute> forced) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        forced.values().forEach(r -> r.models().forEach(m -> names.put(m, true)));
        return new ArrayList<>(names.keySet());
    }
}
