package dev.briefs.job.wiring;

import dev.briefs.article.LanguageDetector;
import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.brief.BriefMaker;
import dev.briefs.brief.BriefStyle;
import dev.briefs.brief.ModelWorkPlanner;
import dev.briefs.brief.StageTimers;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.job.settings.BriefSettings;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.job.settings.ModelSettings;
import dev.briefs.job.settings.ReadingSettings;
import dev.briefs.model.ModelRevisions;
import dev.briefs.summarise.ExtractiveSummariser;
import dev.briefs.summarise.Summariser;
import dev.briefs.summarise.SummarisersByLanguage;
import dev.briefs.translate.ModelTranslators;
import dev.briefs.trust.BriefChecker;
import dev.briefs.trust.CheckSettings;
import dev.briefs.trust.RoundTripScorer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What turns an article into its brief: the summariser of each language, the translator of each pair, the checks,
 * the {@link BriefMaker} that runs them in order, and the {@link ModelWorkPlanner} that makes their model work
 * ahead. The models the job file names load as this context starts,
 * so that a broken one stops the run before any article is read.
 */
@Configuration(proxyBeanMethods = false)
public class BriefMakingConfiguration {

    @Bean
    Summariser summariser(
            SentenceEmbeddingModel embeddings,
            GenerationModels generation,
            ModelSettings models,
            BriefSettings brief,
            ModelCallRetry retry,
            BatchedGeneration batches) {
        return SummarisersByLanguage.forModels(
                models.summarise(),
                generation,
                ExtractiveSummariser.bundled(embeddings, brief.chunkTokens(), retry),
                brief.chunkTokens(),
                batches);
    }

    /** The job file's house style (docs/style.md); {@link BriefStyle#NONE} without a style file. */
    @Bean
    BriefStyle briefStyle(JobSettings settings) {
        return BriefStyle.of(settings.style());
    }

    /** The translator of the checks' round trips; the briefs' is this one forcing the house style's terms. */
    @Bean
    ModelTranslators translator(
            ModelSettings models, BriefSettings brief, GenerationModels generation, BatchedGeneration batches) {
        return ModelTranslators.forJob(
                models.translate(), models.routes(), models.dir(), generation, brief.chunkTokens(), batches);
    }

    /**
     * The checks go through the same models as the translations, so their round trips share the output cache and
     * the retries; the fact checker is the JVM's one, built when the first brief is checked.
     */
    @Bean
    BriefChecker briefChecker(CheckSettings checks, ModelTranslators translator, SentenceEmbeddingModel embeddings) {
        return checks.enabled()
                ? new BriefChecker(checks, translator, new RoundTripScorer(embeddings))
                : BriefChecker.OFF;
    }

    @Bean
    BriefMaker briefMaker(
            BriefSettings brief,
            ReadingSettings reading,
            ModelSettings models,
            Summariser summariser,
            ModelTranslators translator,
            StageTimers timers,
            BriefChecker checker,
            BriefStyle style,
            GenerationModels generation) {
        StyleReach.warnOfUnforceableTerms(style, models.translate(), generation);
        return BriefMaker.builder()
                .detector(new LanguageDetector(reading.detectLanguages()))
                .summariser(summariser)
                .translator(translator.withTerms(style.terms()))
                .style(style)
                .targetLanguages(brief.languages())
                .maxWords(brief.maxWords())
                .revisions(new ModelRevisions(models.dir()))
                .timers(timers)
                .checks(checker)
                .build();
    }

    /**
     * The planning step's: the same models (through the same output cache) as {@link #briefMaker}, but each input
     * called once, without retries, since a failure there is not recorded: the brief step calls it again, retries
     * it and records it.
     */
    @Bean
    ModelWorkPlanner modelWorkPlanner(
            BriefSettings brief,
            ReadingSettings reading,
            ModelSettings models,
            BatchSettings batch,
            GenerationModels generation,
            SentenceEmbeddingModel embeddings,
            StageTimers timers,
            BriefChecker checker,
            BriefStyle style) {
        BatchedGeneration once = new BatchedGeneration(batch, ModelCallRetry.ONCE);
        ModelTranslators translator = ModelTranslators.forJob(
                models.translate(), models.routes(), models.dir(), generation, brief.chunkTokens(), once);
        return new ModelWorkPlanner(
                new LanguageDetector(reading.detectLanguages()),
                SummarisersByLanguage.forModels(
                        models.summarise(),
                        generation,
                        ExtractiveSummariser.bundled(embeddings, brief.chunkTokens(), ModelCallRetry.ONCE),
                        brief.chunkTokens(),
                        once),
                translator.withTerms(style.terms()),
                translator,
                checker,
                brief.languages(),
                brief.maxWords(),
                timers,
                style);
    }
}
