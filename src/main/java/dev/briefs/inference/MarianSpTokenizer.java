package dev.briefs.inference;

import ai.djl.sentencepiece.SpTokenizer;
import dev.briefs.inference.onnx.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marian's tokenizer as transformers 4.46.3's slow {@code MarianTokenizer} runs it, over the
 * SentencePiece library itself (DJL's binding of sentencepiece 0.2.0, the version the Python side
 * pins). tokenizer.json's Rust Unigram breaks Viterbi ties between pieces such as {@code 0} and
 * {@code 00} differently from SentencePiece, and opus-mt's vocabularies have such pieces, so
 * numbers in news ("2500000") would otherwise get other ids than the model was trained on.
 *
 * <p>Encoding: the text is split at the added tokens ({@code </s>}, {@code <unk>}, {@code <pad>}
 * and whatever tokenizer_config.json adds), which keep their ids; every other piece of text loses a
 * leading {@code >>xx<<} language code (kept as one token) and is cut by {@code source.spm}; pieces
 * get their ids from {@code vocab.json}, {@code <unk>} when absent; {@code </s>} is appended, and the
 * result is truncated to the model's position limit with {@code </s>} kept.
 *
 * <p>Decoding is the translation pipeline's: special ids skipped, pieces joined by
 * {@code target.spm}, {@code ▁} turned into spaces, stripped, no clean-up of tokenization spaces.
 *
 * <p>Thread-safe: SentencePiece processors are read-only after loading. {@link #close()} frees the
 * two native processors.
 */
public final class MarianSpTokenizer implements AutoCloseable {

    static final String SOURCE_SPM = "source.spm";
    static final String TARGET_SPM = "target.spm";
    static final String VOCAB = "vocab.json";

    /** Python's {@code re} lets '.' match all but '\n'; Java's default also stops at '\r', U+2028, ... */
    private static final Pattern LANGUAGE_CODE = Pattern.compile(">>.+<<", Pattern.UNIX_LINES);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Added(String content, int id, boolean lstrip, boolean rstrip, boolean special) {}

    private final SpTokenizer source;
    private final SpTokenizer target;
    private final Map<String, Integer> encoder;
    /** Longest first, so that splitting finds the longest added token at each position. */
    private final List<Added> added;

    private final MarianDecoding decoding;
    private final int unkId;
    private final int eosId;
    private final Integer limit;

    private MarianSpTokenizer(
            SpTokenizer source,
            SpTokenizer target,
            Map<String, Integer> encoder,
            List<Added> added,
            String unk,
            String eos,
            Integer limit) {
        this.source = source;
        this.target = target;
        this.encoder = encoder;
        this.added = added;
        this.unkId = encoder.get(unk);
        this.eosId = idOf(eos);
        this.limit = limit;
        Map<Integer, String> tokens = new HashMap<>();
        encoder.forEach((k, v) -> tokens.put(v, k));
        Set<Integer> specialIds = new HashSet<>();
        Map<String, Boolean> addedSpecial = new HashMap<>();
        for (Added a : added) {
            if (a.special()) {
                specialIds.add(a.id());
            }
            addedSpecial.put(a.content(), a.special());
        }
        this.decoding = new MarianDecoding(target, tokens, specialIds, addedSpecial);
    }

    /** True when the folder has what MarianTokenizer needs: {@code source.spm}, {@code target.spm}, {@code vocab.json}. */
    public static boolean available(Path dir) {
        return Files.isRegularFile(dir.resolve(SOURCE_SPM))
                && Files.isRegularFile(dir.resolve(TARGET_SPM))
                && Files.isRegularFile(dir.resolve(VOCAB));
    }

    /**
     * Loads a Marian folder's tokenizer.
     *
     * @param limit the model's {@code max_position_embeddings}, or null for no truncation
     * @throws ModelLoadException naming the missing or corrupt file
     */
    public static MarianSpTokenizer load(Path dir, Integer limit) {
        Map<String, Integer> encoder = readVocab(dir.resolve(VOCAB));
        JsonNode config = readConfig(dir.resolve("tokenizer_config.json"));
        String unk = tokenName(config, "unk_token", "<unk>");
        String eos = tokenName(config, "eos_token", "</s>");
        String pad = tokenName(config, "pad_token", "<pad>");
        for (String t : List.of(unk, eos, pad)) {
            if (!encoder.containsKey(t)) {
                throw new ModelLoadException(dir.resolve(VOCAB), "Vocabulary has no " + t + " token");
            }
        }
        // transformers registers the special tokens as added tokens (not stripped, not split);
        // tokenizer_config.json may override their flags and add more.
        Map<String, Added> added = new LinkedHashMap<>();
        for (String t : List.of(eos, unk, pad)) {
            added.put(t, new Added(t, encoder.get(t), false, false, true));
        }
        Set<String> additional = new HashSet<>();
        config.path("additional_special_tokens")
                .forEach(t -> additional.add(
                        t.isString() ? t.asString() : t.path("content").asString()));
        for (Map.Entry<String, JsonNode> e : config.path("added_tokens_decoder").properties()) {
            JsonNode t = e.getValue();
            String content = t.path("content").asString();
            boolean special =
                    t.path("special").asBoolean(false) || additional.contains(content) || added.containsKey(content);
            added.put(
                    content,
                    new Added(
                            content,
                            Integer.parseInt(e.getKey()),
                            t.path("lstrip").asBoolean(false),
                            t.path("rstrip").asBoolean(false),
                            special));
        }
        for (String t : additional) {
            added.putIfAbsent(t, new Added(t, encoder.getOrDefault(t, encoder.get(unk)), false, false, true));
        }
        List<Added> byLength = new ArrayList<>(added.values());
        byLength.sort((a, b) -> b.content().length() - a.content().length());
        SpTokenizer src = spm(dir.resolve(SOURCE_SPM));
        try {
            return new MarianSpTokenizer(src, spm(dir.resolve(TARGET_SPM)), encoder, byLength, unk, eos, limit);
        } catch (RuntimeException e) {
            src.close();
            throw e;
        }
    }

    private static SpTokenizer spm(Path file) {
        try {
            return new SpTokenizer(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ModelLoadException(file, "Unreadable SentencePiece model (" + e.getMessage() + ")", e);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // The native message is a source location and a protobuf assertion: one line is enough.
            throw new ModelLoadException(file, "Corrupt SentencePiece model", e);
        }
    }

    private static Map<String, Integer> readVocab(Path file) {
        try {
            Map<String, Integer> out = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : JSON.readTree(file.toFile()).properties()) {
                out.put(e.getKey(), e.getValue().asInt());
            }
            return out;
        } catch (JacksonException e) {
            throw new ModelLoadException(file, "Corrupt vocabulary (invalid JSON)", e);
        }
    }

    private static JsonNode readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ModelLoadException(file, "Corrupt tokenizer config (invalid JSON)", e);
        }
    }

    private static String tokenName(JsonNode config, String key, String fallback) {
        JsonNode t = config.path(key);
        return t.isString() ? t.asString() : t.path("content").asString(fallback);
    }

    /** The id of a whole token: an added token's own id, else vocab.json's, else {@code <unk>}'s. */
    private int idOf(String token) {
        for (Added a : added) {
            if (a.content().equals(token)) {
                return a.id();
            }
        }
        return encoder.getOrDefault(token, unkId);
    }

    /**
     * Token ids of a text, as {@code MarianTokenizer(text)} gives them with truncation at the limit.
     *
     * @param addSpecialTokens whether to append {@code </s>} (the limit then counts it)
     */
    public long[] encode(String text, boolean addSpecialTokens) {
        return encode(text, addSpecialTokens, source, limit);
    }

    /**
     * Token ids of a text on the target side, as {@code MarianTokenizer(text_target=text, add_special_tokens=False)}
     * gives them: cut by {@code target.spm}, no {@code </s>}, not truncated. These are the ids the model
     * generates for the text, as forced words need them.
     */
    public long[] encodeTarget(String text) {
        return encode(text, false, target, null);
    }

    /** The id of {@code <unk>}, which a piece outside the vocabulary becomes. */
    public int unknownId() {
        return unkId;
    }

    private long[] encode(String text, boolean addSpecialTokens, SpTokenizer spm, Integer cap) {
        List<Integer> ids = new ArrayList<>();
        for (String part : split(text == null ? "" : text)) {
            Added a = addedAt(part, 0);
            if (a != null && a.content().length() == part.length()) {
                ids.add(a.id());
                continue;
            }
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = LANGUAGE_CODE.matcher(part);
            if (m.lookingAt()) {
                ids.add(idOf(m.group()));
            }
            for (String piece :
                    spm.getProcessor().tokenize(LANGUAGE_CODE.matcher(part).replaceAll(""))) {
                ids.add(encoder.getOrDefault(piece, unkId));
            }
        }
        int room = cap == null ? Integer.MAX_VALUE : Math.max(0, cap - (addSpecialTokens ? 1 : 0));
        int n = Math.min(ids.size(), room);
        long[] out = new long[n + (addSpecialTokens ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        if (addSpecialTokens) {
            out[n] = eosId;
        }
        return out;
    }

    /**
     * The slow tokenizer's split at added tokens (leftmost, longest), with their lstrip/rstrip
     * applied to the neighbouring text. Added tokens stand alone in the result.
     */
    private List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        List<Added> found = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            Added a = addedAt(text, i);
            if (a == null) {
                i++;
                continue;
            }
            parts.add(text.substring(start, i));
            parts.add(a.content());
            found.add(a);
            i += a.content().length();
            start = i;
        }
        parts.add(text.substring(start));
        for (int k = 0; k < found.size(); k++) {
            int at = 2 * k + 1;
            if (found.get(k).rstrip()) {
                parts.set(at + 1, PyStrings.lstrip(parts.get(at + 1)));
            }
            if (found.get(k).lstrip()) {
                parts.set(at - 1, PyStrings.rstrip(parts.get(at - 1)));
            }
        }
        return parts;
    }

    private Added addedAt(String text, int i) {
        for (Added a : added) {
            if (text.startsWith(a.content(), i)) {
                return a;
            }
        }
        return null;
    }

    /** Text of generated ids as the translation pipeline decodes them (special tokens skipped, no clean-up). */
    public String decode(long[] ids) {
        return decoding.decode(ids);
    }

    /** The position limit this tokenizer truncates at, or null. */
    public Integer limit() {
        return limit;
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }
}
