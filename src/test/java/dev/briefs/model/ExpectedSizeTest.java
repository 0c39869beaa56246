package dev.briefs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.model.hub.ModelException;
import org.junit.jupiter.api.Test;

class ExpectedSizeTest {

    @Test
    void aByteCountMatchesOnlyThatCount() {
        ExpectedSize s = ExpectedSize.parse("1852");
        assertThat(s.matches(1852)).isTrue();
        assertThat(s.matches(1851)).isFalse();
        assertThat(s.matches(-1)).as("the hub listed no size").isFalse();
        assertThat(ExpectedSize.parse("74 Bytes").matches(74)).isTrue();
        assertThat(ExpectedSize.parse("74 Bytes").matches(75)).isFalse();
        assertThat(s.describe()).isEqualTo("1,852 bytes");
    }

    @Test
    void aSizeAsTheHubShowsItMatchesEveryCountThatRoundsToIt() {
        ExpectedSize s = ExpectedSize.parse("51.2 MB");
        assertThat(s.matches(51_150_000)).isTrue();
        assertThat(s.matches(51_249_999)).isTrue();
        assertThat(s.matches(51_250_001)).isFalse();
        assertThat(s.matches(51_100_000)).isFalse();
        assertThat(s.describe()).isEqualTo("51.2 MB (51,150,000 to 51,250,000 bytes)");
        // Xenova/transformers.js commit 471a20e lists 206659464 bytes for a graph its tree page shows as "207 MB".
        assertThat(ExpectedSize.parse("207 MB").matches(206_659_464)).isTrue();
        assertThat(ExpectedSize.parse("1.38 kB").matches(1_384)).isTrue();
        assertThat(ExpectedSize.parse("1.38 kB").matches(1_386)).isFalse();
        assertThat(ExpectedSize.parse("1.87 GB").matches(1_872_000_000L)).isTrue();
        assertThat(ExpectedSize.parse("1.87 GB").matches(1_880_000_000L)).isFalse();
    }

    @Test
    void whatIsNotASizeIsRefusedWithTheFormsItTakes() {
        assertThatThrownBy(() -> ExpectedSize.parse("big")).hasMessageContaining("203 MB");
        assertThatThrownBy(() -> ExpectedSize.parse("2 MiB")).hasMessageContaining("unknown unit 'MiB'");
        assertThatThrownBy(() -> ExpectedSize.parse("1.5 Bytes")).hasMessageContaining("no fraction");
        assertThatThrownBy(() -> ExpectedSize.parse("")).isInstanceOf(ModelException.class);
    }
}
