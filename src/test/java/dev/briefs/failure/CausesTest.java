package dev.briefs.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void anExceptionWithoutACauseIsItsOwnRoot() {
        IllegalStateException e = new IllegalStateException("alone");
        assertThat(Causes.root(e)).isSameAs(e);
    }

    @Test
    void theRootIsTheInnermostCause() {
        IOException innermost = new IOException("disk full");
        RuntimeException outer = new RuntimeException("step failed", new UncheckedIOException(innermost));
        assertThat(Causes.root(outer)).isSameAs(innermost);
    }

    @Test
    void aCauseThatIsItsOwnCauseEndsTheChain() {
        RuntimeException selfCaused = new RuntimeException("loop") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        RuntimeException outer = new RuntimeException("outer", selfCaused);
        assertThat(Causes.root(outer)).isSameAs(selfCaused);
    }
}
