package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.job.JobFileException;
import dev.briefs.job.JobFiles;
import dev.briefs.job.JobSettings;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --variant} and {@code rerun-failed --variant} over the job file's {@code models.variant}. */
class VariantOptionTest {

    @TempDir
    Path root;

    private JobSettings settings(String extra) throws IOException {
        Path job = TestJobs.write(root, extra);
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.of(2026, 11, 20), null, null);
    }

    private static VariantOption option(String value) {
        VariantOption option = new VariantOption();
        option.value = value;
        return option;
    }

    @Test
    void theJobFilesVariantUnlessTheOptionNamesAnother() throws IOException {
        JobSettings quantized = settings("").withVariant(Variant.QUANTIZED);
        assertThat(settings("").variant()).as("no models.variant: the default").isEqualTo(Variant.DEFAULT);
        assertThat(option(null).applyTo(quantized).variant()).isEqualTo(Variant.QUANTIZED);
        assertThat(option("fp32").applyTo(quantized).variant()).isEqualTo(Variant.FP32);
        assertThat(option("int8").applyTo(settings("")).variant()).as("an alias").isEqualTo(Variant.QUANTIZED);
    }

    @Test
    void fp16IsRefusedBeforeTheNightStarts() throws IOException {
        JobSettings settings = settings("");
        assertThatThrownBy(() -> option("fp16").applyTo(settings)).isInstanceOf(JobFileException.class)
                .hasMessage("--variant 'fp16' cannot be loaded (DJL's ONNX Runtime engine has no float16 tensors); "
                        + "use fp32 or quantized");
    }

    @Test
    void withKafkaWorkersOnlyTheJobFilesVariantIsAccepted() throws IOException {
        // The workers read the job file: another variant on the manager's command line would not reach them.
        JobSettings remote = settings("kafka:\n  bootstrap-servers: localhost:9092\n"
                + "repository:\n  url: jdbc:postgresql://db:5432/briefs\n");
        assertThat(option("fp32").applyTo(remote).variant()).isEqualTo(Variant.FP32);
        assertThatThrownBy(() -> option("quantized").applyTo(remote)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--variant quantized does not reach the workers")
                .hasMessageContaining("set models.variant in " + root.resolve("job.yaml"));
    }
}
