package dev.briefs.brief;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleInput;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * Redoes the failed work of one article, as the ledger lists it, and gives the brief that a clean
 * run would have given. When only translations (or their round trips) failed, the existing summary is
 * translated again into just those languages, and checked again; any other failure (reading,
 * summarising, writing) means the article is read and briefed again from its source file.
 */
public final class BriefRepair {

    private final BriefMaker maker;
    private final ArticleFileReader reader;
    private final Path inputDir;
    private final Path outputDir;
    private final StageTimers timers;

    /** @param timers where the time of reading the article again goes */
    public BriefRepair(BriefMaker maker, ArticleFileReader reader, Path inputDir, Path outputDir, StageTimers timers) {
        this.timers = timers;
        this.maker = maker;
        this.reader = reader;
        this.inputDir = inputDir;
        this.outputDir = outputDir;
    }

    /**
     * @param stages               the stages of the article's open failures
     * @param translationLanguages the target languages of its open translation and round-trip failures
     */
    public BriefResult repair(
            String articleId,
            String sourceFile,
            Set<String> stages,
            Set<String> translationLanguages,
            LocalDate runDate) {
        Brief existing = BriefFiles.read(outputDir, articleId);
        boolean onlyTranslations = Set.of(Failure.TRANSLATE, Failure.CHECK).containsAll(stages);
        if (onlyTranslations
                && existing != null
                && existing.language() != null
                && existing.briefs().containsKey(existing.language())
                && existing.briefs().get(existing.language()).text() != null) {
            return maker.retranslate(existing, translationLanguages);
        }
        for (ArticleInput input : timers.time(Failure.READ, () -> reader.read(inputDir, sourceFile))) {
            if (input.id().equals(articleId)) {
                return maker.make(input, runDate);
            }
        }
        return maker.make(
                ArticleInput.unreadable(
                        articleId, sourceFile, sourceFile + ": article " + articleId + " is no longer in the file"),
                runDate);
    }
}
