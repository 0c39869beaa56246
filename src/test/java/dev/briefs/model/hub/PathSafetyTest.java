package dev.briefs.model.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Xenova/opus-mt-en-uk", "gpt2", "sentence-transformers/all-MiniLM-L6-v2", "a.b/c_d"})
    void acceptsRepoIds(String repo) {
        assertThat(PathSafety.checkRepoId(repo)).isEqualTo(repo);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x",
                "a/..",
                "a/../b",
                "/etc/passwd",
                "a\\b",
                "a/b/c",
                "",
                " ",
                "a//b",
                ".hidden/x",
                "a/b/",
                "C:/x",
                "a/b c"
            })
    void rejectsBadRepoIds(String repo) {
        assertThatThrownBy(() -> PathSafety.checkRepoId(repo))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(ModelException.Kind.USER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"config.json", "onnx/encoder_model_quantized.onnx", "a/b/c.bin", "x..y.json"})
    void acceptsFileNames(String f) {
        assertThat(PathSafety.checkRepoFile(f)).isEqualTo(f);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x",
                "onnx/../../x",
                "/abs",
                "a\\b",
                "onnx/..\\x",
                "a//b",
                "./a",
                "a/.",
                "",
                "C:x",
                "a\u0000b",
                "a\nb"
            })
    void rejectsUnsafeFileNames(String f) {
        assertThatThrownBy(() -> PathSafety.checkRepoFile(f)).hasMessageContaining("unsafe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "v1.0", "refs/pr/1", "0123456789abcdef0123456789abcdef01234567"})
    void acceptsRevisions(String r) {
        assertThat(PathSafety.checkRevision(r)).isEqualTo(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../main", "refs/../x", "/main", "a b", "main/", "a\\b"})
    void rejectsRevisions(String r) {
        assertThatThrownBy(() -> PathSafety.checkRevision(r)).hasMessageContaining("invalid revision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".x", "a/b", "", "a\\b"})
    void rejectsNames(String n) {
        assertThatThrownBy(() -> PathSafety.checkName(n)).isInstanceOf(ModelException.class);
    }

    @Test
    void resolvesInside() {
        Path d = Path.of("models", "x");
        assertThat(PathSafety.resolveInside(d, "onnx/a.onnx"))
                .isEqualTo(d.toAbsolutePath().normalize().resolve("onnx/a.onnx"));
        assertThatThrownBy(() -> PathSafety.resolveInside(d, "../y")).isInstanceOf(ModelException.class);
    }
}
