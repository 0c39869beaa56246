package dev.briefs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.model.hub.ModelException;
import dev.briefs.optimum.Variant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    static ModelCatalog parse(String yaml) {
        return ModelCatalog.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), null);
    }

    @Test
    void theShippedCatalogHasTheNightlyModels() {
        ModelCatalog c = ModelCatalog.load(Path.of("models", "catalog.yaml"));

        assertThat(c.entries())
                .extracting(CatalogEntry::name)
                .containsExactly(
                        "opus-mt-en-uk",
                        "opus-mt-uk-en",
                        "distilbart-cnn-6-6",
                        "nllb-200-distilled-600M",
                        "opus-mt-ru-en",
                        "opus-mt-pl-en",
                        "all-minilm-l6-v2",
                        "paraphrase-multilingual-minilm-l12-v2");
        CatalogEntry enUk = c.find("opus-mt-en-uk").orElseThrow();
        assertThat(enUk.repo()).isEqualTo("Xenova/opus-mt-en-uk");
        assertThat(enUk.task()).isEqualTo(Task.TRANSLATION);
        assertThat(enUk.languages()).isEqualTo("en->uk");
        assertThat(enUk.variant()).as("the variant the job loads by default").isEqualTo(Variant.FP32);
        assertThat(enUk.files())
                .containsAll(VariantFiles.seq2seq(Variant.FP32))
                .as("MarianTokenizer's own files, which the job tokenizes with")
                .containsAll(MARIAN_TOKENIZER);
        assertThat(enUk.revision()).isEqualTo(PINS.get("opus-mt-en-uk"));
        assertThat(enUk.pinned()).isTrue();
        assertThat(c.find("opus-mt-uk-en").orElseThrow().languages()).isEqualTo("uk->en");
        CatalogEntry bart = c.find("distilbart-cnn-6-6").orElseThrow();
        assertThat(bart.task()).isEqualTo(Task.SUMMARIZATION);
        assertThat(bart.languages()).isEqualTo("en");
        assertThat(c.find("nllb-200-distilled-600M").orElseThrow().optional()).isTrue();
        assertThat(c.find("nllb-200-distilled-600M").orElseThrow().sourceLanguages())
                .as("routes through it")
                .contains("en", "uk", "ru", "pl");
        for (String into : List.of("ru", "pl")) {
            CatalogEntry e = c.find("opus-mt-" + into + "-en").orElseThrow();
            assertThat(e.repo()).isEqualTo("Xenova/opus-mt-" + into + "-en");
            assertThat(e.languages()).isEqualTo(into + "->en");
            assertThat(e.optional()).as("fetched by name only").isTrue();
            assertThat(e.files())
                    .containsAll(VariantFiles.seq2seq(Variant.FP32))
                    .containsAll(MARIAN_TOKENIZER);
        }
        CatalogEntry minilm = c.find("all-minilm-l6-v2").orElseThrow();
        assertThat(minilm.bundled()).isTrue();
        assertThat(minilm.task()).isEqualTo(Task.EMBEDDING);
        assertThat(c.entries())
                .filteredOn(e -> !e.bundled() && e.task() != Task.EMBEDDING)
                .allSatisfy(e -> assertThat(e.files()).hasSize(e.repo().contains("opus-mt") ? 10 : 7));
        CatalogEntry multilingual =
                c.find("paraphrase-multilingual-minilm-l12-v2").orElseThrow();
        assertThat(multilingual.task()).isEqualTo(Task.EMBEDDING);
        assertThat(multilingual.repo()).isEqualTo("Xenova/paraphrase-multilingual-MiniLM-L12-v2");
        assertThat(multilingual.files())
                .as("what the job's embedding loader reads")
                .contains("tokenizer.json", "onnx/model.onnx");
        assertThat(FetchTarget.of(multilingual, null)
                        .withVariant(Variant.QUANTIZED)
                        .files())
                .contains("onnx/model_quantized.onnx")
                .doesNotContain("onnx/model.onnx");
    }

    private static final List<String> MARIAN_TOKENIZER = List.of("source.spm", "target.spm", "vocab.json");

    /** The commit each fetched model is pinned to: one that public records name (models/README.md). */
    static final Map<String, String> PINS = Map.of(
            "opus-mt-en-uk", "e6ca587292984b343fd829b6430ed55858496525",
            "opus-mt-uk-en", "b2ad6afa424aaeff8913ff350860b7a7b7c0a607",
            "distilbart-cnn-6-6", "6b476295a3cf27d5b20e8c8b847a54ab8e5d0df9",
            "nllb-200-distilled-600M", "261c31d1a5732c67cdd16d80e8d6088507c7ccea",
            "opus-mt-ru-en", "afe8c6c738ec81b6d033fd8f44f9678a639a7c67",
            "opus-mt-pl-en", "aeaf0e003b045248c28a559a5ce6027b54ebdaba",
            "paraphrase-multilingual-minilm-l12-v2", "2c4055b12046f11709e9df2c122e59ffbdc2f900");

    private static final List<String> GRAPHS = List.of("onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx");
    private static final List<String> QUANTIZED_GRAPHS =
            List.of("onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx");
    private static final List<String> CONFIGS = List.of(
            "config.json",
            "generation_config.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "special_tokens_map.json");
    private static final List<String> MARIAN_RECORDED =
            concat(List.of("config.json", "tokenizer.json", "source.spm"), concat(GRAPHS, QUANTIZED_GRAPHS));

    /**
     * For each pin, the files whose exact size public records give at that commit (models/README.md names the
     * records, and says which files have none: those are checked against the hub's listing alone).
     */
    static final Map<String, List<String>> SIZED = Map.of(
            "opus-mt-en-uk", MARIAN_RECORDED,
            "opus-mt-uk-en", MARIAN_RECORDED,
            "distilbart-cnn-6-6", List.of(),
            "nllb-200-distilled-600M", concat(CONFIGS, concat(GRAPHS, QUANTIZED_GRAPHS)),
            "opus-mt-ru-en", MARIAN_RECORDED,
            "opus-mt-pl-en", MARIAN_RECORDED,
            "paraphrase-multilingual-minilm-l12-v2",
                    List.of(
                            "config.json",
                            "tokenizer.json",
                            "tokenizer_config.json",
                            "special_tokens_map.json",
                            "onnx/model.onnx"));

    /** For each pin, the files whose SHA-256 public records give at that commit. */
    static final Map<String, List<String>> HASHED = Map.of(
            "opus-mt-en-uk", List.of(),
            "opus-mt-uk-en", List.of(),
            "distilbart-cnn-6-6", QUANTIZED_GRAPHS,
            "nllb-200-distilled-600M", concat(CONFIGS, QUANTIZED_GRAPHS),
            "opus-mt-ru-en", List.of(),
            "opus-mt-pl-en", List.of(),
            "paraphrase-multilingual-minilm-l12-v2",
                    List.of(
                            "config.json",
                            "tokenizer.json",
                            "tokenizer_config.json",
                            "special_tokens_map.json",
                            "onnx/model.onnx",
                            "onnx/model_quantized.onnx"));

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void theShippedCatalogPinsFetchedModelsToRecordedCommitsWithWellFormedSizesAndHashes() {
        ModelCatalog c = ModelCatalog.load(Path.of("models", "catalog.yaml"));

        List<CatalogEntry> fetched =
                c.entries().stream().filter(e -> !e.bundled()).toList();
        assertThat(fetched)
                .filteredOn(e -> !e.pinned())
                .extracting(CatalogEntry::name)
                .as("a fetched model follows a branch; pin it to a commit (models/README.md, \"Moving a pin\")")
                .isEmpty();
        assertThat(fetched).extracting(CatalogEntry::name).containsExactlyInAnyOrderElementsOf(PINS.keySet());
        assertThat(fetched).allSatisfy(e -> {
            assertThat(e.revision())
                    .as(e.name() + ": the commit public records name")
                    .isEqualTo(PINS.get(e.name()));
            Set<String> fetchable = Stream.of(Variant.values())
                    .flatMap(v -> FetchTarget.of(e, null).withVariant(v).files().stream())
                    .collect(Collectors.toSet());
            assertThat(e.sizes().keySet())
                    .as(e.name() + ": the sizes public records give")
                    .containsExactlyInAnyOrderElementsOf(SIZED.get(e.name()));
            assertThat(e.sizes().values())
                    .as(e.name() + ": exact byte counts, as the records list them")
                    .allSatisfy(size -> assertThat(size.slack()).isZero())
                    .allSatisfy(size -> assertThat(size.bytes()).isPositive());
            assertThat(e.sha256().keySet())
                    .as(e.name() + ": the SHA-256 public records give")
                    .containsExactlyInAnyOrderElementsOf(HASHED.get(e.name()));
            assertThat(e.sha256().values())
                    .as(e.name() + ": SHA-256 as 64 lowercase hex digits")
                    .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
            assertThat(e.sha256().values())
                    .as(e.name() + ": no two files with one hash")
                    .doesNotHaveDuplicates();
            assertThat(fetchable)
                    .as(e.name() + ": sizes and hashes of files it fetches in some variant")
                    .containsAll(e.sizes().keySet())
                    .containsAll(e.sha256().keySet());
            assertThat(FetchTarget.of(e, null).expectedSha256()).isEqualTo(e.sha256());
        });
        CatalogEntry ukEn = c.find("opus-mt-uk-en").orElseThrow();
        assertThat(ukEn.sizes().get("onnx/encoder_model.onnx").matches(202_946_348))
                .isTrue();
        assertThat(ukEn.sizes().get("onnx/encoder_model.onnx").matches(202_946_349))
                .isFalse();
        assertThat(c.find("nllb-200-distilled-600M")
                        .orElseThrow()
                        .sha256()
                        .get("onnx/decoder_model_merged_quantized.onnx"))
                .isEqualTo("dd66608c2a4194e78f95548fa0e64f24302303698c5b09fa8e1f9e16ec00676b");
        for (String name : List.of("nllb-200-distilled-600M", "paraphrase-multilingual-minilm-l12-v2")) {
            CatalogEntry e = c.find(name).orElseThrow();
            long fp32 =
                    e.files().stream().mapToLong(f -> e.sizes().get(f).bytes()).sum();
            assertThat(e.approxSizeMb())
                    .as(name + ": its fp32 files' sizes, added up")
                    .isEqualTo(Math.round(fp32 / 1e6));
        }
    }

    @Test
    void sizesAreReadExactOrAsTheHubRoundsThemAndOnlyForAPinnedCommit() {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        CatalogEntry e = parse("""
                models:
                  - name: m
                    repo: a/b
                    revision: %s
                    task: translation
                    languages: en
                    sizes:
                      config.json: 1852
                      onnx/encoder_model.onnx: 203 MB
                      onnx/encoder_model_quantized.onnx: 51.2 MB
                """.formatted(commit)).find("m").orElseThrow();
        assertThat(e.sizes().get("config.json").matches(1852)).isTrue();
        assertThat(e.sizes().get("config.json").matches(1853)).isFalse();
        assertThat(e.sizes().get("onnx/encoder_model.onnx").matches(202_600_000))
                .isTrue();
        assertThat(FetchTarget.of(e, null).expectedSizes())
                .containsOnlyKeys(e.sizes().keySet());
        assertThat(FetchTarget.of(e, commit).expectedSizes())
                .as("NAME@ the pinned commit")
                .hasSize(3);
        assertThat(FetchTarget.of(e, "main").expectedSizes())
                .as("NAME@ another revision")
                .isEmpty();

        assertThatThrownBy(() -> parse("""
                models: [{name: m, repo: a/b, task: translation, languages: en, sizes: {config.json: 1 kB}}]
                """))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("pin 'revision' to a 40-hex commit");
        assertThatThrownBy(() -> parse("""
                models: [{name: m, repo: a/b, revision: %s, task: translation, languages: en,
                          sizes: {onnx/model.onnx: 1 kB}}]
                """.formatted(commit)))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("onnx/model.onnx")
                .hasMessageContaining("not one of its files");
        assertThatThrownBy(() -> parse("""
                models: [{name: m, repo: a/b, revision: %s, task: translation, languages: en,
                          sizes: {config.json: 2 MiB}}]
                """.formatted(commit)))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("unknown unit 'MiB'");
    }

    @Test
    void sha256IsReadForFilesOfAPinnedCommitAndValidated() {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        String hash = "14d9b2d8fb1b6ebf7133046eaba3ea0dc0539be0523caa14c3e9b22131518a02";
        CatalogEntry e = parse("""
                models:
                  - name: m
                    repo: a/b
                    revision: %s
                    task: translation
                    languages: en
                    sha256:
                      config.json: %s
                      onnx/encoder_model_quantized.onnx: %s
                """.formatted(commit, hash, hash.replace('1', '2')))
                .find("m")
                .orElseThrow();
        assertThat(e.sha256()).containsEntry("config.json", hash).hasSize(2);
        assertThat(FetchTarget.of(e, null).expectedSha256()).isEqualTo(e.sha256());
        assertThat(FetchTarget.of(e, commit).expectedSha256())
                .as("NAME@ the pinned commit")
                .hasSize(2);
        assertThat(FetchTarget.of(e, "main").expectedSha256())
                .as("NAME@ another revision")
                .isEmpty();
        assertThat(parse("models: [{name: m, repo: a/b, task: translation, languages: en}]")
                        .find("m")
                        .orElseThrow()
                        .sha256())
                .as("optional")
                .isEmpty();

        String entry = "models: [{name: m, repo: a/b, revision: %s, task: translation, languages: en, sha256: %s}]";
        assertThatThrownBy(() -> parse(entry.formatted(commit, "{config.json: " + hash.toUpperCase(Locale.ROOT) + "}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("'sha256' of config.json")
                .hasMessageContaining("64 lowercase hex digits");
        assertThatThrownBy(() -> parse(entry.formatted(commit, "{config.json: " + hash.substring(1) + "}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("64 lowercase hex digits");
        assertThatThrownBy(() -> parse(entry.formatted(commit, "{config.json: " + hash + "0}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("64 lowercase hex digits");
        assertThatThrownBy(() -> parse(entry.formatted(commit, "{config.json: [" + hash + "]}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("64 lowercase hex digits");
        assertThatThrownBy(() -> parse(entry.formatted(commit, "{onnx/model.onnx: " + hash + "}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("'sha256' has onnx/model.onnx")
                .hasMessageContaining("not one of its files");
        assertThatThrownBy(() -> parse(entry.formatted(commit, "{../config.json: " + hash + "}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("unsafe");
        assertThatThrownBy(() -> parse(entry.formatted(commit, hash)))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("'sha256' must map repo files");
        assertThatThrownBy(() -> parse(entry.formatted("main", "{config.json: " + hash + "}")))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("pin 'revision' to a 40-hex commit");
        assertThatThrownBy(() -> parse("""
                models: [{name: m, repo: a/b, task: translation, languages: en, sha256: {config.json: %s}}]
                """.formatted(hash)))
                .as("the default revision, main, is not a pin")
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("'sha256' are those of one commit");
    }

    @Test
    void defaultsFillRevisionVariantAndTheSeq2seqFiles() {
        ModelCatalog c = parse("""
                defaults: {revision: v1, variant: fp16}
                models:
                  - {name: m, repo: a/b, task: summarization, languages: en}
                """);
        CatalogEntry e = c.find("m").orElseThrow();
        assertThat(e.revision()).isEqualTo("v1");
        assertThat(e.variant()).isEqualTo(Variant.FP16);
        assertThat(e.files()).contains("onnx/encoder_model_fp16.onnx", "onnx/decoder_model_merged_fp16.onnx");
        assertThat(e.optional()).isFalse();
    }

    @Test
    void resolvesNamesAndRepoIds() {
        ModelCatalog c = ModelCatalog.load(Path.of("models", "catalog.yaml"));
        assertThat(c.resolve("opus-mt-en-uk", Variant.FP32)).satisfies(t -> {
            assertThat(t.name()).isEqualTo("opus-mt-en-uk");
            assertThat(t.revision()).isEqualTo(PINS.get("opus-mt-en-uk"));
            assertThat(t.variant()).isEqualTo(Variant.FP32);
        });
        FetchTarget quantized = c.resolve("opus-mt-en-uk", Variant.FP32).withVariant(Variant.QUANTIZED);
        assertThat(quantized.variant()).isEqualTo(Variant.QUANTIZED);
        assertThat(quantized.files())
                .as("models fetch --variant quantized, or a job file with models.variant: quantized")
                .containsAll(VariantFiles.seq2seq(Variant.QUANTIZED))
                .containsAll(MARIAN_TOKENIZER)
                .hasSize(10);
        assertThat(c.resolve("Xenova/opus-mt-uk-en@abc", Variant.FP32).name()).isEqualTo("opus-mt-uk-en");
        FetchTarget other = c.resolve("Xenova/opus-mt-en-fr@refs/pr/1", Variant.FP32);
        assertThat(other.name()).isEqualTo("Xenova--opus-mt-en-fr");
        assertThat(other.revision()).isEqualTo("refs/pr/1");
        assertThat(other.files()).isNull();
        assertThat(other.variant()).isEqualTo(Variant.FP32);
        assertThatThrownBy(() -> c.resolve("nope", Variant.QUANTIZED))
                .hasMessageContaining("unknown model 'nope'")
                .hasMessageContaining("opus-mt-en-uk");
        assertThatThrownBy(() -> c.resolve("../x/y", Variant.QUANTIZED)).hasMessageContaining("invalid repo id");
        assertThatThrownBy(() -> c.resolve("a/b@../../x", Variant.QUANTIZED)).hasMessageContaining("invalid revision");
    }

    @Test
    void errorsNameTheModelAndTheProblem() {
        assertThatThrownBy(() -> parse("models: [{name: m, repo: a/b, task: translation}]"))
                .hasMessageContaining("model 'm'")
                .hasMessageContaining("languages");
        assertThatThrownBy(
                        () -> parse("models: [{name: m, repo: a/b, task: translation, languages: en, files: [../x]}]"))
                .hasMessageContaining("unsafe");
        assertThatThrownBy(
                        () -> parse("models: [{name: m, repo: a/b, task: translation, languages: en, varient: fp16}]"))
                .hasMessageContaining("unknown key 'varient'");
        assertThatThrownBy(() -> parse("models: [{name: m, repo: /etc/passwd, task: translation, languages: en}]"))
                .hasMessageContaining("invalid repo id");
        assertThatThrownBy(
                        () -> parse("models: [{name: m, repo: a/b, task: translation, languages: en, variant: int3}]"))
                .hasMessageContaining("unknown variant 'int3'");
        assertThatThrownBy(() -> parse("models: [{name: m, repo: a/b, task: embedding, languages: en}]"))
                .hasMessageContaining("'files' is required");
        assertThatThrownBy(() -> parse("""
                models:
                  - {name: m, repo: a/b, task: translation, languages: en}
                  - {name: m, repo: a/c, task: translation, languages: en}
                """)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> parse("models: [")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("- a")).isInstanceOf(ModelException.class);
    }
}
