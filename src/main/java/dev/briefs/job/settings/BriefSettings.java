package dev.briefs.job.settings;

import java.util.List;

/**
 * What a brief is: the languages each article gets one in, its length, and how much of an article one model
 * input may hold.
 *
 * @param chunkTokens the job's own limit on a chunk's tokens ({@code chunk.max-tokens}); {@link #DEFAULT_CHUNK_TOKENS}
 *                    leaves it to each model's position limit
 */
public record BriefSettings(List<String> languages, int maxWords, int chunkTokens) {

    public static final int DEFAULT_MAX_WORDS = 80;
    /** No limit of the job's own: each model's position limit decides. */
    public static final int DEFAULT_CHUNK_TOKENS = Integer.MAX_VALUE;

    public BriefSettings {
        languages = List.copyOf(languages);
    }

    static BriefSettings resolve(JobFile file, String where) {
        List<String> languages = file.languages() != null ? file.languages() : List.of("uk", "en");
        if (languages.isEmpty()) {
            throw new JobFileException(where + ": 'languages' is empty; list the brief languages, e.g. [uk, en]");
        }
        for (String lang : languages) {
            if (lang == null || !lang.matches("[a-z]{2,3}")) {
                throw new JobFileException(
                        where + ": language '" + lang + "' in 'languages' is not an ISO 639-1 code such as uk or en");
            }
        }
        int maxWords = SettingValues.positive(
                file.brief() != null ? file.brief().maxWords() : null, DEFAULT_MAX_WORDS, "brief.max-words", where);
        int chunkTokens = SettingValues.positive(
                file.chunk() != null ? file.chunk().maxTokens() : null,
                DEFAULT_CHUNK_TOKENS,
                "chunk.max-tokens",
                where);
        if (chunkTokens < 8) {
            throw new JobFileException(where + ": chunk.max-tokens must be at least 8, is " + chunkTokens);
        }
        return new BriefSettings(languages, maxWords, chunkTokens);
    }
}
