package dev.briefs.job.settings;

import dev.briefs.article.InputLimits;
import dev.briefs.article.LanguageDetector;
import java.util.List;

/**
 * How article files are read: the languages detection chooses among, how much of the day's input is taken on
 * (the largest file, feed, page and day), and whether a symbolic link may lead out of the input folder.
 */
public record ReadingSettings(List<String> detectLanguages, InputLimits limits, boolean linksMayLeaveInput) {

    public ReadingSettings {
        detectLanguages = List.copyOf(detectLanguages);
    }

    static ReadingSettings resolve(JobFile file, String where) {
        List<String> detect =
                file.detectLanguages() != null ? file.detectLanguages() : LanguageDetector.DEFAULT_LANGUAGES;
        long maxFileBytes = file.maxFileBytes() != null ? file.maxFileBytes() : InputLimits.DEFAULT_MAX_FILE_BYTES;
        if (maxFileBytes <= 0) {
            throw new JobFileException(where + ": max-file-bytes must be positive, is " + maxFileBytes);
        }
        InputLimits limits = new InputLimits(
                maxFileBytes,
                SettingValues.positive(
                        file.maxFileArticles(), InputLimits.DEFAULT_MAX_FILE_ARTICLES, "max-file-articles", where),
                SettingValues.positive(
                        file.maxHtmlDepth(), InputLimits.DEFAULT_MAX_HTML_DEPTH, "max-html-depth", where),
                SettingValues.positive(
                        file.maxDayArticles(), InputLimits.DEFAULT_MAX_DAY_ARTICLES, "max-day-articles", where));
        return new ReadingSettings(detect, limits, inputLinks(file.inputLinks(), where));
    }

    /** {@code inside} (the default): symbolic links may lead only to files in the input folder; {@code follow}: anywhere. */
    private static boolean inputLinks(String text, String where) {
        if (text == null || text.equals("inside")) {
            return false;
        }
        if (text.equals("follow")) {
            return true;
        }
        throw new JobFileException(where + ": input-links '" + text + "' is not inside or follow");
    }
}
