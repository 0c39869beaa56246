package dev.briefs.job.wiring;

import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.cache.CachingTextGenerator;
import dev.briefs.cache.OutputCache;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.job.settings.FailureSettings;
import dev.briefs.job.settings.ModelSettings;
import dev.briefs.model.ModelRevisions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The models a night runs and how it calls them: the bundled sentence-embedding model, the installed generation
 * models (through the output cache), the retry of a failed model call, and the gathering of model inputs into
 * calls.
 */
@Configuration(proxyBeanMethods = false)
public class ModelsConfiguration {

    @Bean(destroyMethod = "close")
    SentenceEmbeddingModel sentenceEmbeddingModel() {
        return SentenceEmbeddingModel.loadBundled();
    }

    /** A test may add a {@link ModelDecorator} bean to watch or break model calls; the cache stays outermost. */
    @Bean(destroyMethod = "close")
    GenerationModels generationModels(
            ModelSettings models,
            OrtSessionSettings onnx,
            ObjectProvider<ModelDecorator> decorator,
            MeterRegistry registry,
            OutputCache cache) {
        // Timing each graph run costs two clock reads and an atomic add, against milliseconds of ONNX Runtime work.
        OnnxModelOptions options = OnnxModelOptions.defaults()
                .withVariant(models.variant())
                .withSession(onnx)
                .withMeterRegistry(registry);
        ModelRevisions files = new ModelRevisions(models.dir());
        return new GenerationModels(
                models.dir(),
                CachingTextGenerator.decorator(
                        files::filesFingerprint, decorator.getIfAvailable(() -> ModelDecorator.NONE), cache),
                options);
    }

    @Bean
    ModelCallRetry modelCallRetry(FailureSettings failures, MeterRegistry registry) {
        return new SpringModelCallRetry(failures.maxRetries(), failures.retryDelay(), registry);
    }

    @Bean
    BatchedGeneration batchedGeneration(BatchSettings batch, ModelCallRetry retry) {
        return new BatchedGeneration(batch, retry);
    }
}
