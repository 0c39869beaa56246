package dev.briefs.job.wiring;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.LanguageDetector;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.job.settings.ModelSettings;
import dev.briefs.job.settings.ReadingSettings;
import dev.briefs.story.StoryFinder;
import dev.briefs.story.StorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the day's article files are read, by the partitions and by the stories step alike, and how the stories step
 * groups them: both read each file the same way, so that a story's articles are the ones that get briefs.
 */
@Configuration(proxyBeanMethods = false)
public class ArticlesConfiguration {

    @Bean
    ArticleFileReader articleFileReader(ReadingSettings reading) {
        return new ArticleFileReader(reading.limits(), reading.linksMayLeaveInput());
    }

    @Bean
    StoryFinder storyFinder(
            ArticleFileReader fileReader,
            ReadingSettings reading,
            SentenceEmbeddingModel embeddings,
            ModelSettings models,
            StorySettings stories) {
        return new StoryFinder(
                fileReader, new LanguageDetector(reading.detectLanguages()), embeddings, models.dir(), stories);
    }
}
