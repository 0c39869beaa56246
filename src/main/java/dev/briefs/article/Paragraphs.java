package dev.briefs.article;

import java.util.ArrayList;
import java.util.List;

/** Normalises line endings and blank lines so that every format yields paragraphs split by one blank line. */
final class Paragraphs {

    private Paragraphs() {}

    static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> paragraphs = new ArrayList<>();
        for (String block : unified.split("\\n\\s*\\n")) {
            String p = block.strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    static String join(List<String> paragraphs) {
        return normalise(String.join("\n\n", paragraphs));
    }
}
