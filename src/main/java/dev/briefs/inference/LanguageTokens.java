package dev.briefs.inference;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The language tokens of a multilingual model (NLLB-200, M2M100) and how its tokenizer places them:
 * {@code [src_lang] tokens </s>}, or {@code tokens </s> [src_lang]} when tokenizer_config.json says
 * {@code legacy_behaviour: true}. Empty for a model made for one pair, which needs no languages.
 * Kept apart from {@link Seq2SeqGenerator} because which token a language maps to, and the error a
 * user sees when there is none, are the same for every call.
 */
final class LanguageTokens {

    private final Map<String, Long> tokens;
    private final boolean legacySuffix;
    private final long eosTokenId;
    private final String modelName;

    LanguageTokens(Map<String, Long> tokens, boolean legacySuffix, long eosTokenId, String modelName) {
        this.tokens = Map.copyOf(tokens);
        this.legacySuffix = legacySuffix;
        this.eosTokenId = eosTokenId;
        this.modelName = modelName;
    }

    boolean multilingual() {
        return !tokens.isEmpty();
    }

    Set<String> codes() {
        return tokens.keySet();
    }

    /**
     * The token id for a language: the model's own code ({@code ukr_Cyrl}), the NLLB code of an ISO
     * 639-1 code ({@code uk}), or M2M100's {@code __uk__}.
     *
     * @throws UnknownLanguageException naming the language when the model has no token for it
     */
    long idOf(String language) {
        if (language == null || language.isBlank()) {
            throw missingLanguages();
        }
        String nllb = NllbLanguages.nllbCode(language);
        Long id = tokens.get(language);
        if (id == null && nllb != null) {
            id = tokens.get(nllb);
        }
        if (id == null) {
            id = tokens.get("__" + language + "__");
        }
        if (id == null) {
            throw new UnknownLanguageException(
                    language,
                    "model " + modelName + " does not know language '" + language + "'"
                            + (nllb != null
                                    ? " (no " + nllb + " token in its tokenizer)"
                                    : " (give an ISO 639-1 code such as en, uk,"
                                            + " or the model's code such as ukr_Cyrl)"));
        }
        return id;
    }

    /** The error for a multilingual model called without its languages. */
    UnknownLanguageException missingLanguages() {
        return new UnknownLanguageException(
                null,
                "model " + modelName + " is multilingual: give the source and the target language (such as en, uk)");
    }

    /**
     * Wraps a text's tokens (special tokens not added) with the source language token and {@code </s>},
     * cut first so that the whole fits {@code maxPositions} when that is known.
     */
    long[] wrap(long[] body, String sourceLanguage, Integer maxPositions) {
        long lang = idOf(sourceLanguage);
        if (maxPositions != null && body.length > maxPositions - 2) {
            body = Arrays.copyOf(body, Math.max(0, maxPositions - 2));
        }
        long[] ids = new long[body.length + 2];
        if (legacySuffix) {
            System.arraycopy(body, 0, ids, 0, body.length);
            ids[body.length] = eosTokenId;
            ids[body.length + 1] = lang;
        } else {
            ids[0] = lang;
            System.arraycopy(body, 0, ids, 1, body.length);
            ids[body.length + 1] = eosTokenId;
        }
        return ids;
    }
}
