package dev.briefs.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files of segments, one a line, read as sacrebleu's command line reads them: UTF-8, lines ended
 * by {@code \n} only (a lone {@code \r} stays in its line), each line right-stripped of whitespace.
 * A final line without {@code \n} counts; a file ending in {@code \n} has no empty line after it.
 */
public final class SegmentFiles {

    private SegmentFiles() {}

    /**
     * @param role what the file is, for messages ("hypotheses", "references")
     * @throws EvalInputException when it is missing, a folder, or not UTF-8
     */
    public static List<String> read(Path file, String role) throws IOException {
        if (Files.isDirectory(file)) {
            throw new EvalInputException(
                    "the " + role + " file " + file + " is a folder: give a file with one segment a line");
        }
        if (!Files.isRegularFile(file)) {
            throw new EvalInputException("the " + role + " file " + file + " does not exist");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new EvalInputException("the " + role + " file " + file + " is not UTF-8 text: convert it to UTF-8");
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(PythonText.rstrip(text.substring(start, end)));
            start = end + 1;
        }
        return lines;
    }
}
