package dev.briefs.inference;

import ai.djl.sentencepiece.SpProcessor;
import ai.djl.sentencepiece.SpTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marian's decoding of generated ids, as {@code MarianTokenizer.convert_tokens_to_string} with the
 * target SentencePiece model: runs of pieces decoded by SentencePiece, added tokens kept as they
 * are, special tokens skipped.
 */
final class MarianDecoding {

    private final SpTokenizer target;
    private final Map<Integer, String> decoder;
    private final Set<Integer> specialIds;
    /** Added token to whether it is special. */
    private final Map<String, Boolean> added;

    MarianDecoding(
            SpTokenizer target, Map<Integer, String> decoder, Set<Integer> specialIds, Map<String, Boolean> added) {
        this.target = target;
        this.decoder = Map.copyOf(decoder);
        this.specialIds = Set.copyOf(specialIds);
        this.added = Map.copyOf(added);
    }

    /** Text of generated ids as the translation pipeline decodes them (special tokens skipped, no clean-up). */
    String decode(long[] ids) {
        List<String> texts = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (long id : ids) {
            if (specialIds.contains((int) id) || !decoder.containsKey((int) id)) {
                continue; // unknown ids decode to <unk>, which is special and skipped too
            }
            String token = decoder.get((int) id);
            Boolean special = added.get(token);
            if (special != null) {
                if (!special) {
                    flush(pieces, texts, false);
                    texts.add(token);
                }
                continue;
            }
            pieces.add(token);
        }
        flush(pieces, texts, true);
        return String.join(" ", texts);
    }

    private void flush(List<String> pieces, List<String> texts, boolean last) {
        if (pieces.isEmpty()) {
            return;
        }
        String s = PyStrings.lstrip(PyStrings.rstrip(decodePieces(pieces).replace('\u2581', ' ')));
        if (last || !s.isEmpty()) {
            texts.add(s);
        }
        pieces.clear();
    }

    /**
     * SentencePiece's DecodePieces. DJL's binding hands pieces to the native side as modified UTF-8,
     * which mangles characters outside the BMP and NUL; such pieces go in as placeholders the model
     * does not know (SentencePiece copies unknown pieces through unchanged) and are put back after.
     */
    private String decodePieces(List<String> pieces) {
        String[] in = pieces.toArray(new String[0]);
        Map<String, String> held = new HashMap<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i].indexOf('\0') >= 0 || in[i].codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                String mark = "\uE000" + i + "\uE001";
                held.put(mark, in[i]);
                in[i] = mark;
            }
        }
        SpProcessor p = target.getProcessor();
        String out = p.buildSentence(in);
        for (Map.Entry<String, String> e : held.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
