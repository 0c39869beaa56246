package dev.briefs.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an input file's bytes into text, refusing what is not text rather than guessing:
 * articles are UTF-8 (a byte-order mark is allowed), or UTF-16 when a byte-order mark says so.
 */
final class TextDecoder {

    private TextDecoder() {}

    static String decode(byte[] bytes, String where) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArticleFormatException(where + " is not valid " + charset.name()
                    + " text: save it as UTF-8 (or UTF-16 with a byte-order mark)");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new ArticleFormatException(where + " contains NUL bytes, so it is binary, not an article: "
                    + "remove it from the input folder");
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
