package dev.briefs.job.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.batch.BatchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job file's {@code batch} block: each setting read, defaults where absent, mistakes named with the file. */
class BatchBlockTest {

    @TempDir
    Path root;

    private Path write(String lines) throws IOException {
        Path job = root.resolve("job.yaml");
        Files.writeString(job, """
                input: %1$s/in/{date}
                output: %1$s/out/{date}
                data: %1$s/data
                """.formatted(root.toAbsolutePath()) + lines);
        return job;
    }

    private BatchSettings batch(String lines) throws IOException {
        Path job = write(lines);
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse("2026-11-20"), null, null)
                .batch();
    }

    @Test
    void everySettingIsReadAndTheRestKeepTheirDefaults() throws IOException {
        assertThat(batch("")).isEqualTo(BatchSettings.DEFAULTS);
        assertThat(batch("batch:\n  max-call-mib: 512\n")).isEqualTo(new BatchSettings(16, 8192, 32, 512));
        assertThat(batch("batch:\n  max-rows: 8\n  max-tokens: 4096\n  length-bucket: 1\n  max-call-mib: 3000\n"))
                .isEqualTo(new BatchSettings(8, 4096, 1, 3000));
        assertThat(batch("batch:\n  max-rows: 4\n").maxCallMib()).isEqualTo(BatchSettings.DEFAULT_MAX_CALL_MIB);
    }

    @Test
    void aBoundThatIsNotPositiveIsNamedWithTheFile() throws IOException {
        for (String value : new String[] {"0", "-5"}) {
            assertThatThrownBy(() -> batch("batch:\n  max-call-mib: " + value + "\n"))
                    .isInstanceOf(JobFileException.class)
                    .hasMessageContaining("job.yaml")
                    .hasMessageContaining("batch.max-call-mib must be a positive number, is " + value);
        }
    }
}
