package dev.briefs.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Job files for tests: everything under one temporary folder, the models folder empty unless given. */
public final class TestJobs {

    private TestJobs() {}

    public static Path write(Path root, String extra) throws IOException {
        Path job = root.resolve("job.yaml");
        Files.writeString(job, """
                name: test
                input: %1$s/in/{date}
                output: %1$s/out/{date}
                data: %1$s/data
                languages: [uk, en]
                partitions: 2
                models:
                  dir: %1$s/models
                  translate:
                    en-uk: opus-mt-en-uk
                    uk-en: opus-mt-uk-en
                """.formatted(root.toAbsolutePath()) + extra);
        return job;
    }

    /** The shipped sample articles of {@code jobs/articles/DATE}, copied into the test's input folder. */
    public static Path inputWithSamples(Path root, String date) throws IOException {
        Path input = inputDir(root, date);
        try (Stream<Path> samples = Files.list(Path.of("jobs/articles", date))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        return input;
    }

    public static Path inputDir(Path root, String date) throws IOException {
        return Files.createDirectories(root.resolve("in").resolve(date));
    }

    public static Path outputDir(Path root, String date) {
        return root.resolve("out").resolve(date);
    }
}
