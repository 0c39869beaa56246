package dev.briefs.job.wiring;

import dev.briefs.batch.BatchSettings;
import dev.briefs.cache.CacheSettings;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.job.settings.BriefSettings;
import dev.briefs.job.settings.FailureSettings;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.job.settings.ModelSettings;
import dev.briefs.job.settings.PartitionSettings;
import dev.briefs.job.settings.ReadingSettings;
import dev.briefs.job.settings.RepositorySettings;
import dev.briefs.story.StorySettings;
import dev.briefs.trust.CheckSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each block of the run's {@link JobSettings} (which the command line registers in the context) as a bean of its
 * own, so that a configuration asks for the block it uses.
 *
 * <p>Two parts are left out on purpose. The folders and the date: a remote worker runs partitions of any date it
 * is sent, so the steps read them from the run's parameters ({@code job.nightly.RunParameters}), never from this
 * process's settings. And {@code kafka}, which is absent on a single machine: the remote roles read it from
 * {@link JobSettings} where they are switched on.
 */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    BriefSettings briefSettings(JobSettings settings) {
        return settings.brief();
    }

    @Bean
    ReadingSettings readingSettings(JobSettings settings) {
        return settings.reading();
    }

    @Bean
    PartitionSettings partitionSettings(JobSettings settings) {
        return settings.partitioning();
    }

    @Bean
    FailureSettings failureSettings(JobSettings settings) {
        return settings.failures();
    }

    @Bean
    ModelSettings modelSettings(JobSettings settings) {
        return settings.models();
    }

    @Bean
    BatchSettings batchSettings(JobSettings settings) {
        return settings.batch();
    }

    @Bean
    OrtSessionSettings ortSessionSettings(JobSettings settings) {
        return settings.onnx();
    }

    @Bean
    RepositorySettings repositorySettings(JobSettings settings) {
        return settings.repository();
    }

    @Bean
    CacheSettings cacheSettings(JobSettings settings) {
        return settings.cache();
    }

    @Bean
    StorySettings storySettings(JobSettings settings) {
        return settings.stories();
    }

    @Bean
    CheckSettings checkSettings(JobSettings settings) {
        return settings.checks();
    }
}
