package dev.briefs.job.settings;

import dev.briefs.translate.ForcedRoute;
import dev.briefs.translate.TranslationRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the job file's forced routes, {@code models.routes}: per language pair, a kind of route
 * ({@code ru-uk: pivot}), chosen among the installed models as usual, or the models themselves in the
 * order they run ({@code ru-uk: [opus-mt-ru-en, opus-mt-en-uk]}; one model, or two for a pivot through
 * English). A value that is neither stops the run with the file and the setting named.
 */
final class RouteSettings {

    private static final String KINDS =
            "direct, multilingual, pivot, or the models in order such as " + "[opus-mt-ru-en, opus-mt-en-uk]";

    private RouteSettings() {}

    static Map<String, ForcedRoute> parse(Map<String, Object> routes, String where) {
        Map<String, ForcedRoute> parsed = new LinkedHashMap<>();
        if (routes == null) {
            return parsed;
        }
        routes.forEach((pair, value) -> {
            String setting = where + ": models.routes." + pair;
            if (!pair.matches("[a-z]{2,3}-[a-z]{2,3}")) {
                throw new JobFileException(
                        where + ": models.routes key '" + pair + "' is not a language pair such as ru-uk");
            }
            String[] languages = pair.split("-");
            if (languages[0].equals(languages[1])) {
                throw new JobFileException(setting + ": a language is not translated into itself; remove the setting");
            }
            ForcedRoute route = route(value, setting, "models.routes." + pair, where);
            boolean pivot = route.kind() == TranslationRoute.Kind.PIVOT
                    || route.models().size() == 2;
            String en = TranslationRoute.PIVOT_LANGUAGE;
            if (pivot && (languages[0].equals(en) || languages[1].equals(en))) {
                throw new JobFileException(setting + ": a pivot goes through English, so it cannot start or end there;"
                        + " give one model (direct or multilingual) for " + pair);
            }
            parsed.put(pair, route);
        });
        return parsed;
    }

    private static ForcedRoute route(Object value, String setting, String key, String where) {
        if (value instanceof String text) {
            TranslationRoute.Kind kind = TranslationRoute.Kind.of(text.trim());
            if (kind == null) {
                throw new JobFileException(setting + " '" + text + "' is not a route: " + KINDS);
            }
            return ForcedRoute.ofKind(kind);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty() || list.size() > 2) {
                throw new JobFileException(setting + " lists " + list.size()
                        + " models: give one (direct or multilingual)" + " or two (into English, then out of it)");
            }
            List<String> models = list.stream()
                    .map(m -> SettingValues.modelName(m instanceof String s ? s : String.valueOf(m), key, where))
                    .toList();
            return ForcedRoute.ofModels(models);
        }
        throw new JobFileException(setting + " is not a route: " + KINDS);
    }
}
