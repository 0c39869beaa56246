package dev.briefs.translate;

import dev.briefs.translate.TranslationRoute.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What to say when a language pair has no route: which catalog models would give it one, and the
 * command that fetches the first of them. Direct models are named first, then a pivot through
 * English, then multilingual models (much larger to fetch than one opus-mt model).
 */
final class RouteAdvice {

    /** One way to a route: the models still to fetch, and how to say it. */
    private record Way(Kind kind, List<String> missing, String text) {}

    private RouteAdvice() {}

    static String noRoute(String from, String to, List<ModelLanguages> catalog, Predicate<String> installed) {
        List<Way> ways = ways(from, to, catalog, installed, null);
        String head = "no model translates " + from + " to " + to;
        if (ways.isEmpty()) {
            return head + ", and the model catalog lists none that would: fetch one by its hub id (" + Routes.FETCH
                    + "OWNER/NAME) and name it in the job file (models.translate." + from + "-" + to + ")";
        }
        return head + ": install "
                + String.join(" or ", ways.stream().map(Way::text).toList()) + ": " + Routes.FETCH
                + String.join(" ", ways.get(0).missing());
    }

    static String noForcedRoute(
            String from, String to, Kind kind, List<ModelLanguages> catalog, Predicate<String> installed) {
        List<Way> ways = ways(from, to, catalog, installed, kind);
        String head = "the job file forces a " + kind.id() + " route for " + from + "-" + to + " (models.routes." + from
                + "-" + to + "), and none is installed";
        if (ways.isEmpty()) {
            return head + ", nor does the model catalog list one: name other models for it, or remove the setting";
        }
        return head + ": install "
                + String.join(" or ", ways.stream().map(Way::text).toList()) + ": " + Routes.FETCH
                + String.join(" ", ways.get(0).missing());
    }

    private static List<Way> ways(
            String from, String to, List<ModelLanguages> catalog, Predicate<String> installed, Kind only) {
        List<Way> ways = new ArrayList<>();
        if (only == null || only == Kind.DIRECT) {
            firstOf(catalog, from, to, false).ifPresent(m -> ways.add(new Way(Kind.DIRECT, List.of(m), m)));
        }
        String en = TranslationRoute.PIVOT_LANGUAGE;
        if ((only == null || only == Kind.PIVOT) && !from.equals(en) && !to.equals(en)) {
            Optional<String> into = leg(catalog, from, en, installed);
            Optional<String> outOf = leg(catalog, en, to, installed);
            if (into.isPresent() && outOf.isPresent()) {
                ways.add(pivot(into.get(), outOf.get(), installed));
            }
        }
        if (only == null || only == Kind.MULTILINGUAL) {
            firstOf(catalog, from, to, true)
                    .ifPresent(m ->
                            ways.add(new Way(Kind.MULTILINGUAL, List.of(m), m + " (one model for many languages)")));
        }
        return ways;
    }

    private static Way pivot(String into, String outOf, Predicate<String> installed) {
        String how = "a pivot through English";
        if (installed.test(outOf)) {
            return new Way(Kind.PIVOT, List.of(into), into + " (with the installed " + outOf + ": " + how + ")");
        }
        if (installed.test(into)) {
            return new Way(Kind.PIVOT, List.of(outOf), outOf + " (with the installed " + into + ": " + how + ")");
        }
        return new Way(Kind.PIVOT, List.of(into, outOf), into + " and " + outOf + " (" + how + ")");
    }

    /** A leg of a pivot: an installed model for it if there is one, else the first the catalog lists. */
    private static Optional<String> leg(
            List<ModelLanguages> catalog, String from, String to, Predicate<String> installed) {
        return catalog.stream()
                .filter(m -> m.translates(from, to) && !m.multilingual())
                .map(ModelLanguages::name)
                .sorted((a, b) -> Boolean.compare(installed.test(b), installed.test(a)))
                .findFirst();
    }

    private static Optional<String> firstOf(
            List<ModelLanguages> catalog, String from, String to, boolean multilingual) {
        return catalog.stream()
                .filter(m -> m.translates(from, to) && m.multilingual() == multilingual)
                .map(ModelLanguages::name)
                .findFirst();
    }
}
