package dev.briefs.job.nightly;

import dev.briefs.article.ArticleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deals the day's input files into partitions. Each partition's context carries its file names, so
 * a partition can run on any worker that sees the input folder: a local thread or a remote worker.
 *
 * <p>Files are dealt round-robin in the order of a hash of their names, not in name order: a
 * day's names often repeat a pattern (a newsroom's English and Ukrainian files by turns, one
 * agency's files after another's), and dealing them in name order put every English article, the
 * ones with a model summary, into one partition of two, which then ran on while the other core
 * stood idle. In hash order each partition gets a like share of every kind of file, and the same
 * folder is always dealt the same way. Within a partition the files keep their name order.
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
        List<String> shuffled = new ArrayList<>(files);
        shuffled.sort(
                Comparator.comparingLong(ArticleFilePartitioner::nameHash).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < shuffled.size(); i++) {
            dealt.get(i % partitions).add(shuffled.get(i));
        }
        dealt.forEach(Collections::sort);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.put(FILES, dealt.get(p));
            contexts.put("partition" + p, context);
        }
        return contexts;
    }

    /**
     * The first eight bytes of the name's SHA-256: unlike {@link String#hashCode}, which orders names
     * that differ in their last characters much as their text does, it scatters them.
     */
    private static long nameHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
