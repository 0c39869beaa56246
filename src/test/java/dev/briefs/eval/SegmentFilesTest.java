package dev.briefs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment files split and strip as sacrebleu's command line reads them. */
class SegmentFilesTest {

    @TempDir
    Path dir;

    @Test
    void linesEndAtNewlinesOnlyAndLoseTrailingWhitespace() throws IOException {
        Path f = dir.resolve("hyp.txt");
        Files.writeString(f, "one \r\ntwo\u00a0\n\nthree\rstill three\nlast");
        assertThat(SegmentFiles.read(f, "hypotheses")).containsExactly("one", "two", "", "three\rstill three", "last");
        Files.writeString(f, "one\n");
        assertThat(SegmentFiles.read(f, "hypotheses")).containsExactly("one");
        Files.writeString(f, "");
        assertThat(SegmentFiles.read(f, "hypotheses")).isEmpty();
    }

    @Test
    void aMissingFileAFolderOrBytesThatAreNotUtf8AreNamed() throws IOException {
        assertThatThrownBy(() -> SegmentFiles.read(dir.resolve("nope.txt"), "references"))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("references file")
                .hasMessageContaining("nope.txt")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SegmentFiles.read(dir, "references"))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("is a folder");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> SegmentFiles.read(latin1, "hypotheses"))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("latin1.txt")
                .hasMessageContaining("not UTF-8");
    }
}
