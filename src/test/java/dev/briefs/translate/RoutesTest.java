package dev.briefs.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.model.ModelCatalog;
import dev.briefs.model.Task;
import dev.briefs.translate.TranslationRoute.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which route the router takes through the shipped catalog's models, given which are installed: the
 * job file's model, then a direct one, then a multilingual one, then a pivot through English; and what it
 * says when there is none. Whether a model is installed is all it asks, so no model is loaded here.
 */
class RoutesTest {

    private static final List<ModelLanguages> CATALOG =
            ModelCatalog.load(Path.of("models", "catalog.yaml")).entries().stream()
                    .filter(e -> e.task() == Task.TRANSLATION)
                    .map(e -> new ModelLanguages(e.name(), e.sourceLanguages(), e.targetLanguages()))
                    .toList();
    private static final String NLLB = "nllb-200-distilled-600M";
    private static final Map<String, String> JOB = Map.of("en-uk", "opus-mt-en-uk", "uk-en", "opus-mt-uk-en");

    private static Routes routes(Map<String, ForcedRoute> forced, String... installed) {
        Set<String> there = Set.of(installed);
        return new Routes(JOB, forced, CATALOG, there::contains, NLLB::equals);
    }

    @Test
    void onlyModelsIntoAndOutOfEnglishGiveAPivot() {
        Routes.Choice ruUk = routes(Map.of(), "opus-mt-ru-en", "opus-mt-en-uk").choose("ru", "uk");
        assertThat(ruUk.route()).isEqualTo(TranslationRoute.pivot("opus-mt-ru-en", "opus-mt-en-uk"));
        Routes.Choice ruEn = routes(Map.of(), "opus-mt-ru-en", "opus-mt-en-uk").choose("ru", "en");
        assertThat(ruEn.route()).isEqualTo(new TranslationRoute(Kind.DIRECT, List.of("opus-mt-ru-en")));
    }

    @Test
    void directComesBeforeMultilingualAndMultilingualBeforeAPivot() {
        Routes all = routes(Map.of(), "opus-mt-ru-en", "opus-mt-en-uk", "opus-mt-uk-en", NLLB);
        assertThat(all.choose("ru", "en").route().kind()).isEqualTo(Kind.DIRECT);
        assertThat(all.choose("en", "uk").route().models()).containsExactly("opus-mt-en-uk");
        assertThat(all.choose("ru", "uk").route()).isEqualTo(new TranslationRoute(Kind.MULTILINGUAL, List.of(NLLB)));
        assertThat(all.choose("pl", "uk").route().models()).containsExactly(NLLB);
    }

    @Test
    void theJobFilesModelForThePairComesFirstWhateverItIs() {
        Routes named = new Routes(
                Map.of("en-uk", NLLB), Map.of(), CATALOG, Set.of(NLLB, "opus-mt-en-uk")::contains, NLLB::equals);
        assertThat(named.choose("en", "uk").route()).isEqualTo(new TranslationRoute(Kind.MULTILINGUAL, List.of(NLLB)));
    }

    @Test
    void aForcedRouteWinsOverTheOrder() {
        Map<String, ForcedRoute> pivot = Map.of("ru-uk", ForcedRoute.ofKind(Kind.PIVOT));
        Routes forced = routes(pivot, "opus-mt-ru-en", "opus-mt-en-uk", NLLB);
        assertThat(forced.choose("ru", "uk").route())
                .isEqualTo(TranslationRoute.pivot("opus-mt-ru-en", "opus-mt-en-uk"));
        assertThat(forced.choose("pl", "uk").route().kind())
                .as("other pairs keep the order")
                .isEqualTo(Kind.MULTILINGUAL);

        Map<String, ForcedRoute> models =
                Map.of("ru-uk", ForcedRoute.ofModels(List.of("opus-mt-ru-en", "opus-mt-en-uk")));
        assertThat(routes(models, "opus-mt-ru-en", "opus-mt-en-uk", NLLB)
                        .choose("ru", "uk")
                        .route()
                        .kind())
                .isEqualTo(Kind.PIVOT);
        Map<String, ForcedRoute> nllb = Map.of("en-uk", ForcedRoute.ofModels(List.of(NLLB)));
        assertThat(routes(nllb, "opus-mt-en-uk", NLLB).choose("en", "uk").route())
                .isEqualTo(new TranslationRoute(Kind.MULTILINGUAL, List.of(NLLB)));
    }

    @Test
    void aForcedRouteThatIsNotInstalledSaysWhatWouldMakeIt() {
        Routes.Choice missingModel = routes(
                        Map.of("ru-uk", ForcedRoute.ofModels(List.of("opus-mt-ru-en", "opus-mt-en-uk"))),
                        "opus-mt-en-uk",
                        NLLB)
                .choose("ru", "uk");
        assertThat(missingModel.found())
                .as("not the multilingual model it could have taken")
                .isFalse();
        assertThat(missingModel.errorType()).isEqualTo("ModelNotInstalled");
        assertThat(missingModel.message())
                .isEqualTo("model not installed: opus-mt-ru-en (install it with: "
                        + "java -jar target/briefs.jar models fetch opus-mt-ru-en)");

        Routes.Choice noPivot =
                routes(Map.of("ru-uk", ForcedRoute.ofKind(Kind.PIVOT)), NLLB).choose("ru", "uk");
        assertThat(noPivot.errorType()).isEqualTo("NoRoute");
        assertThat(noPivot.message())
                .isEqualTo("the job file forces a pivot route for ru-uk (models.routes.ru-uk), and"
                        + " none is installed: install opus-mt-ru-en and opus-mt-en-uk (a pivot through English): "
                        + "java -jar target/briefs.jar models fetch opus-mt-ru-en opus-mt-en-uk");
    }

    @Test
    void aPairWithoutARouteNamesTheModelsThatWouldGiveItOne() {
        Routes.Choice ruUk = routes(Map.of(), "opus-mt-en-uk").choose("ru", "uk");
        assertThat(ruUk.found()).isFalse();
        assertThat(ruUk.errorType()).isEqualTo("NoRoute");
        assertThat(ruUk.message())
                .isEqualTo("no model translates ru to uk: install opus-mt-ru-en (with the installed "
                        + "opus-mt-en-uk: a pivot through English) or nllb-200-distilled-600M (one model for many languages): "
                        + "java -jar target/briefs.jar models fetch opus-mt-ru-en");

        assertThat(routes(Map.of()).choose("pl", "en").message())
                .isEqualTo("no model translates pl to en: install "
                        + "opus-mt-pl-en or nllb-200-distilled-600M (one model for many languages): "
                        + "java -jar target/briefs.jar models fetch opus-mt-pl-en");
        assertThat(routes(Map.of()).choose("ja", "uk").message())
                .startsWith("no model translates ja to uk, and the model" + " catalog lists none that would")
                .contains("models.translate.ja-uk");
    }

    @Test
    void aMissingModelTheJobFileNamesIsReportedAsBeforeRoutes() {
        Routes.Choice enUk = routes(Map.of()).choose("en", "uk");
        assertThat(enUk.errorType()).isEqualTo("ModelNotInstalled");
        assertThat(enUk.model()).isEqualTo("opus-mt-en-uk");
        assertThat(enUk.message()).startsWith("model not installed: opus-mt-en-uk");
    }
}
