package dev.briefs.story;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleFiles;
import dev.briefs.article.ArticleInput;
import dev.briefs.article.ArticleStream;
import dev.briefs.article.LanguageDetector;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.inference.FolderEmbeddingModel;
import dev.briefs.inference.SentenceEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups a day's input folder into stories: every article is read as the partitions read it, its language
 * detected as its brief's will be, and the day clustered by {@link StoryClusterer} with the bundled
 * all-MiniLM-L6-v2 and, when it is installed, the catalog's multilingual model.
 *
 * <p>An article that cannot be read (or whose language cannot be told) is left out: the partition step
 * reports its failure as on any night, and the day's files show it as a story of its own. Of two files that
 * claim one id, the one whose name sorts first keeps it, as the brief writer decides.
 */
public final class StoryFinder {

    private static final Logger LOG = LoggerFactory.getLogger(StoryFinder.class);

    private final ArticleFileReader reader;
    private final LanguageDetector detector;
    private final SentenceEmbeddingModel minilm;
    private final Path modelsDir;
    private final StorySettings settings;

    public StoryFinder(
            ArticleFileReader reader,
            LanguageDetector detector,
            SentenceEmbeddingModel minilm,
            Path modelsDir,
            StorySettings settings) {
        this.reader = reader;
        this.detector = detector;
        this.minilm = minilm;
        this.modelsDir = modelsDir;
        this.settings = settings;
    }

    /** The day's stories, as the rows to record, and the notes on what the grouping could not do. */
    public record Found(
            List<StoryMembership> rows, List<String> notes, int stories, List<String> models, StoryDay.Work work) {}

    public Found find(Path inputDir) throws IOException {
        Map<String, String> files = new HashMap<>();
        List<StoryArticle> articles = read(inputDir, files);
        Path multilingualDir = modelsDir.resolve(StorySpaces.MULTILINGUAL_MODEL);
        // Installed as the catalog installs it; a folder that is there but broken fails the night with its file named.
        FolderEmbeddingModel multilingual = Files.isRegularFile(multilingualDir.resolve("config.json"))
                ? FolderEmbeddingModel.load(
                        StorySpaces.MULTILINGUAL_MODEL,
                        multilingualDir,
                        FolderEmbeddingModel.DEFAULT_GRAPH,
                        StorySpaces.MULTILINGUAL_MAX_TOKENS)
                : null;
        try {
            StoryDay day = new StoryClusterer(
                            StorySpaces.of(
                                    minilm, settings.threshold(), multilingual, settings.multilingualThreshold()),
                            StorySpaces.LINKAGE,
                            StorySpaces.COMPARISON)
                    .cluster(articles);
            return new Found(rows(day, files), day.notes(), day.stories().size(), day.models(), day.work());
        } finally {
            if (multilingual != null) {
                multilingual.close();
            }
        }
    }

    private List<StoryArticle> read(Path inputDir, Map<String, String> files) throws IOException {
        List<StoryArticle> articles = new ArrayList<>();
        for (String file : ArticleFiles.list(inputDir)) {
            try (ArticleStream stream = reader.open(inputDir, file)) {
                while (stream.hasNext()) {
                    ArticleInput input = stream.next();
                    if (!input.readable() || files.containsKey(input.id())) {
                        continue;
                    }
                    String language = detector.detect(
                            input.article().text(), input.article().declaredLanguage());
                    if (language != null) {
                        files.put(input.id(), input.sourceFile());
                        articles.add(StoryArticle.of(input.article(), language, null));
                    }
                }
            } catch (RuntimeException e) {
                if (!ExpectedFailures.perArticle(e)) {
                    throw e;
                }
                // The partition step reads the file again and records where and why it stopped.
                LOG.debug("{}: left out of the stories: {}", file, e.getMessage());
            }
        }
        return articles;
    }

    private static List<StoryMembership> rows(StoryDay day, Map<String, String> files) {
        List<StoryMembership> rows = new ArrayList<>();
        for (Story story : day.stories()) {
            int rank = 0;
            for (StoryMember m : story.members()) {
                StoryArticle a = m.article();
                rows.add(new StoryMembership(
                        a.id(),
                        story.id(),
                        a.id().equals(story.id()),
                        story.leadReason(),
                        m.similarityToLead(),
                        m.model(),
                        a.language(),
                        a.outlet(),
                        a.url(),
                        files.get(a.id()),
                        rank++));
            }
        }
        return rows;
    }
}
