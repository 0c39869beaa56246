package dev.briefs.translate;

import java.util.List;

/**
 * What the job file says a language pair must take ({@code models.routes}): a kind of route, chosen
 * among the installed models as the router would, or the models themselves, in order.
 *
 * @param kind   the kind asked for, or null when the models are given
 * @param models empty when only the kind is given; one model, or two for a pivot through English
 */
public record ForcedRoute(TranslationRoute.Kind kind, List<String> models) {

    public ForcedRoute {
        models = List.copyOf(models);
        if ((kind == null) == models.isEmpty() || models.size() > 2) {
            throw new IllegalArgumentException(
                    "a forced route is a kind or one or two models, not " + kind + " " + models);
        }
    }

    public static ForcedRoute ofKind(TranslationRoute.Kind kind) {
        return new ForcedRoute(kind, List.of());
    }

    public static ForcedRoute ofModels(List<String> models) {
        return new ForcedRoute(null, models);
    }

    /** As the job file writes it, for messages. */
    public String describe() {
        return kind != null ? kind.id() : "[" + String.join(", ", models) + "]";
    }
}
