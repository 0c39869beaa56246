package dev.briefs.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPackerTest {

    /** One token per word keeps the arithmetic visible. */
    private final TokenCounter words = text -> text.split("\\s+").length;

    @Test
    void packsWholeSentencesInOrderWithinTheBudget() {
        List<Chunk> chunks = new ChunkPacker(words, 10)
                .pack(List.of("one two three four", "five six seven", "eight nine ten eleven", "twelve"));
        assertThat(chunks)
                .extracting(Chunk::sentences)
                .containsExactly(
                        List.of("one two three four", "five six seven"), List.of("eight nine ten eleven", "twelve"));
        assertThat(chunks).extracting(Chunk::tokens).containsExactly(7, 5);
        assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(10));
    }

    @Test
    void aSentenceOverTheBudgetGetsAChunkOfItsOwn() {
        String longOne = "a b c d e f g h i j k l";
        List<Chunk> chunks = new ChunkPacker(words, 10).pack(List.of("short one", longOne, "after"));
        assertThat(chunks)
                .extracting(Chunk::sentences)
                .containsExactly(List.of("short one"), List.of(longOne), List.of("after"));
    }

    @Test
    void noSentencesMeansNoChunks() {
        assertThat(new ChunkPacker(words, 10).pack(List.of())).isEmpty();
    }

    @Test
    void refusesABudgetTooSmallToHoldASentence() {
        assertThatThrownBy(() -> new ChunkPacker(words, 2)).hasMessageContaining("too small");
    }
}
