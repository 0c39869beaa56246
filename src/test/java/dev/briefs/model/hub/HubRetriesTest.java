package dev.briefs.model.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a flaky hub gets: bounded retries, each logged, then one clear failure; a refusal is never retried. */
class HubRetriesTest {

    private final List<String> log = new ArrayList<>();
    private final HubRetries retries =
            new HubRetries(HubSettings.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2)), log::add);

    @Test
    void aFailureThatPassesIsRetriedAndTheResultReturned() {
        AtomicInteger calls = new AtomicInteger();

        String body = retries.run("listing x@main", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new TransientHubFailure("HTTP 503 from hub");
            }
            return "ok";
        });

        assertThat(body).isEqualTo("ok");
        assertThat(log)
                .containsExactly(
                        "listing x@main: HTTP 503 from hub; retry 2/3", "listing x@main: HTTP 503 from hub; retry 3/3");
    }

    @Test
    void afterTheLastAttemptTheFailureSaysHowOftenItWasTried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retries.run("download of onnx/encoder_model.onnx", () -> {
                    calls.incrementAndGet();
                    throw new TransientHubFailure("connection closed at byte 10 of 20");
                }))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("download of onnx/encoder_model.onnx from huggingface.co failed after 3 attempts")
                .hasMessageContaining("connection closed at byte 10 of 20");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRefusalOrALocalFileErrorIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retries.run("listing x@main", () -> {
                    calls.incrementAndGet();
                    throw ModelException.user("HTTP 404 Not Found from huggingface.co: x@main does not exist");
                }))
                .hasMessageContaining("404");
        assertThatThrownBy(() -> retries.run("download of config.json", () -> {
                    calls.incrementAndGet();
                    throw new IOException("No space left on device");
                }))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("local file error: No space left on device");
        assertThat(calls).hasValue(2);
        assertThat(log).isEmpty();
    }
}
