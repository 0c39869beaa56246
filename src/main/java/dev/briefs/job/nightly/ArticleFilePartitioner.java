package dev.briefs.job.nightly;

import dev.briefs.article.ArticleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deals the day's input files round-robin into partitions. Each partition's context carries its
 * file names, so a partition can run on any worker that sees the input folder: a local thread
 * now, a remote worker later.
 */
public final class ArticleFilePartitioner implements Partitioner {

    public static final String FILES = "files";

    private final Path inputDir;

    public ArticleFilePartitioner(Path inputDir) {
        this.inputDir = inputDir;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> files;
        try {
            files = ArticleFiles.list(inputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the input folder " + inputDir, e);
        }
        int partitions = Math.max(1, Math.min(gridSize, files.size()));
        List<ArrayList<String>> dealt = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            dealt.get(i % partitions).add(files.get(i));
        }
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.put(FILES, dealt.get(p));
            contexts.put("partition" + p, context);
        }
        return contexts;
    }
}
