package dev.briefs.job.settings;

import dev.briefs.style.Style;
import dev.briefs.style.StyleFileException;
import dev.briefs.style.StyleFiles;
import java.nio.file.Path;

/**
 * The job file's {@code style} setting: the style file it names, read and checked before the run, so that a bad
 * file stops the run with every problem on its own line (exit 2), as a bad job file does.
 */
final class StyleBlock {

    private StyleBlock() {}

    static Style resolve(String file, String where) {
        if (file == null) {
            return Style.EMPTY;
        }
        if (file.isBlank()) {
            throw new JobFileException(where + ": style is empty; give the path of a style file such as"
                    + " jobs/style-example.yaml, or leave the setting out");
        }
        try {
            return StyleFiles.read(Path.of(file));
        } catch (StyleFileException e) {
            int n = e.problems().size();
            throw new JobFileException(where + ": style: " + (n == 1 ? "" : "the style file has " + n + " problems:\n")
                    + String.join("\n", e.problems()));
        }
    }
}
