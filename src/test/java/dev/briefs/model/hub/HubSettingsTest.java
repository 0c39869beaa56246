package dev.briefs.model.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HubSettingsTest {

    @Test
    void endpointFromOptionThenHfEndpointThenDefault() {
        assertThat(HubSettings.fromEnvironment(Map.of(), null).endpoint()).hasToString("https://huggingface.co");
        assertThat(HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", "https://hf-mirror.com/"), null)
                        .endpoint())
                .hasToString("https://hf-mirror.com");
        assertThat(HubSettings.fromEnvironment(
                                Map.of("HF_ENDPOINT", "https://hf-mirror.com"), "http://10.0.0.1:8080/hf")
                        .endpoint())
                .hasToString("http://10.0.0.1:8080/hf");
        assertThat(HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", "https://hf-mirror.com"), null)
                        .endpointHost())
                .isEqualTo("hf-mirror.com");
    }

    @Test
    void rejectsBadEndpoints() {
        for (String bad : List.of("ftp://x", "huggingface.co", "https://user:pw@host", "https://h/?q=1", "::")) {
            assertThatThrownBy(() -> HubSettings.defaults().withEndpoint(bad))
                    .as(bad)
                    .isInstanceOf(ModelException.class)
                    .hasMessageNotContaining("pw");
        }
    }

    @Test
    void tokenFromEnvironmentIsNeverInToString() {
        HubSettings s = HubSettings.fromEnvironment(Map.of("HF_TOKEN", "hf_abcdefsecret"), null);
        assertThat(s.hasToken()).isTrue();
        assertThat(s.toString()).doesNotContain("hf_abcdefsecret").contains("***");
        assertThat(HubSettings.fromEnvironment(Map.of("HUGGING_FACE_HUB_TOKEN", "hf_old"), null)
                        .hasToken())
                .isTrue();
        assertThat(HubSettings.fromEnvironment(Map.of("HF_TOKEN", " "), null).hasToken())
                .isFalse();
    }

    @Test
    void logProgressPrintsStartPeriodicAndEndLines() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        TransferProgress p = Progress.lines(lines::add, Duration.ofSeconds(10), now::get);
        try (TransferProgress.Transfer t = p.begin("m/onnx/x.onnx", 4 << 20)) {
            t.resumedAt(1 << 20);
            now.addAndGet(11_000_000_000L);
            t.advance(1 << 20);
            now.addAndGet(1_000_000_000L);
            t.advance(2 << 20);
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("downloading m/onnx/x.onnx (4.00 MiB), resuming at 1.00 MiB");
        assertThat(lines.get(1)).startsWith("m/onnx/x.onnx: 2.00 MiB of 4.00 MiB (50%), ");
        assertThat(lines.get(2))
                .startsWith("m/onnx/x.onnx: 4.00 MiB of 4.00 MiB, ")
                .endsWith("/s");

        lines.clear();
        try (TransferProgress.Transfer t = p.begin("m/config.json", 120)) {
            t.resumedAt(0);
            t.advance(120);
        }
        assertThat(lines).containsExactly("fetched m/config.json (120 B)");
    }

    @Test
    void terminalProgressBarRunsWithoutATerminal() {
        TransferProgress p = Progress.bar();
        try (TransferProgress.Transfer t = p.begin("m/onnx/x.onnx", 1000)) {
            t.resumedAt(100);
            t.advance(900);
        }
        try (TransferProgress.Transfer t = p.begin("unknown size", -1)) {
            t.advance(5);
        }
    }
}
