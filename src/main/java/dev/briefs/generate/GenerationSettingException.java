package dev.briefs.generate;

import java.nio.file.Path;

/**
 * A generation setting in a model's {@code generation_config.json} (or {@code config.json}) that this
 * engine will not silently ignore: one it does not implement, set to a value that would change the
 * output in transformers, or a value it cannot read. The message is one line for the user: the key,
 * the value, the file and what to do.
 */
public class GenerationSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Path file;

    public GenerationSettingException(Path file, String key, String message) {
        super(message);
        this.key = key;
        this.file = file;
    }

    /** The offending setting's name, such as {@code do_sample}. */
    public String key() {
        return key;
    }

    /** The file that sets it. */
    public Path file() {
        return file;
    }
}
