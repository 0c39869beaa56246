package dev.briefs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The source sentences {@code bench} generates from: a corpus file, the shared corpus, or a built-in list. */
final class BenchSentences {

    static final String DEFAULT_CORPUS = "corpus/wmt22-en-uk.src.en";

    /** Used when the shared corpus is absent and no --corpus is given. */
    static final List<String> BUILT_IN = List.of(
            "The city council approved the new budget on Tuesday after a long debate.",
            "Heavy rain is expected across the west of the country this weekend.",
            "The company said its profits rose by ten percent in the last quarter.",
            "Thousands of people gathered in the main square to celebrate the national holiday.",
            "The minister promised to publish the report before the end of the month.",
            "Scientists have found a new species of frog in the mountain forests.",
            "The train service between the two cities will resume next week.",
            "Local farmers say the dry summer has cut their harvest by a third.",
            "The museum will open a new exhibition of modern paintings in May.",
            "Police are asking witnesses of the accident to come forward.",
            "The football team won its third match in a row on Sunday evening.",
            "Prices for electricity and gas are set to fall slightly this winter.",
            "The president met foreign leaders to discuss security in the region.",
            "A new bridge over the river is due to be finished by next autumn.",
            "Schools will stay closed on Monday because of the storm warning.",
            "The hospital has received new equipment donated by a charity.");

    private BenchSentences() {}

    static BenchCommand.Source read(Path corpus, int sentences) {
        Path file = corpus;
        if (file != null && !Files.isRegularFile(file)) {
            throw new UsageException("corpus file " + file + " does not exist");
        }
        if (file == null) {
            Path shared =
                    Path.of(System.getProperty("briefs.shared", "../shared")).resolve(DEFAULT_CORPUS);
            if (Files.isRegularFile(shared)) {
                file = shared;
            }
        }
        List<String> pool;
        String name;
        if (file == null) {
            pool = BUILT_IN;
            name = "the built-in list";
        } else {
            try {
                pool = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus " + file, e);
            }
            if (pool.isEmpty()) {
                throw new UsageException("corpus file " + file + " has no sentences");
            }
            name = file.toString();
        }
        List<String> lines = new ArrayList<>(sentences);
        for (int i = 0; i < sentences; i++) {
            lines.add(pool.get(i % pool.size())); // cycles when the pool is smaller than --sentences
        }
        return new BenchCommand.Source(name, lines);
    }
}
