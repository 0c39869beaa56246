package dev.briefs.style;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads style files (docs/style.md). YAML is composed into nodes with SnakeYAML Engine, the parser under
 * Jackson's YAML module, rather than bound to classes: its nodes keep the line of every entry, so that
 * each problem names its line, and it keeps a key written twice, which a binding would silently drop.
 */
public final class StyleFiles {

    private StyleFiles() {}

    /**
     * The style a file gives.
     *
     * @throws StyleFileException with every problem of the file, one line each
     */
    public static Style read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new StyleFileException(
                    file,
                    List.of("style file " + file + " does not exist; give the path of a style file such as"
                            + " jobs/style-example.yaml"));
        } catch (CharacterCodingException e) {
            throw new StyleFileException(file, List.of(file + ": the style file is not UTF-8; save it as UTF-8"));
        } catch (IOException e) {
            throw new StyleFileException(file, List.of("cannot read style file " + file + ": " + e.getMessage()));
        }
        return parse(text, file);
    }

    /** The style a file's text gives; {@code file} only names it in the problems. */
    public static Style parse(String text, Path file) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new StyleFileException(
                    file,
                    List.of(file + ":" + line + ": not valid YAML: " + e.getProblem()
                            + "; a style file is YAML as in docs/style.md (quote a term that has ':' or '#' in it)"));
        } catch (YamlEngineException e) {
            throw new StyleFileException(file, List.of(file + ": not valid YAML: " + e.getMessage()));
        }
        if (root.isEmpty()) {
            throw new StyleFileException(
                    file, List.of(file + ": the style file is empty; see docs/style.md for what it holds"));
        }
        StyleReader reader = new StyleReader(file.toString());
        Style style = reader.read(root.get());
        if (!reader.problems().isEmpty()) {
            throw new StyleFileException(file, reader.problems());
        }
        return style;
    }
}
