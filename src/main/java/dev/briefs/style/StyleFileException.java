package dev.briefs.style;

import java.nio.file.Path;
import java.util.List;

/**
 * A style file that cannot be used. It carries every problem the file has, one line each, naming the file
 * and the line and saying what to do, so that an editor fixes them all in one pass; the job turns it into a
 * refusal to start (exit 2), as it does a bad job file.
 */
public class StyleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final List<String> problems;

    public StyleFileException(Path file, List<String> problems) {
        super(String.join("\n", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The style file. */
    public Path file() {
        return file;
    }

    /** Its problems, one line each: {@code FILE:LINE: what; what to do}. */
    public List<String> problems() {
        return problems;
    }
}
