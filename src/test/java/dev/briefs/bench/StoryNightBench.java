package dev.briefs.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.briefs.article.Article;
import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleFiles;
import dev.briefs.article.ArticleInput;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.story.EmbeddingSpace;
import dev.briefs.story.LeadEncoder;
import dev.briefs.story.StoryArticle;
import dev.briefs.story.StoryClusterer;
import dev.briefs.story.StoryDay;
import dev.briefs.story.StorySpaces;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A benchmark, not a test: the stories step's cost on a night of English articles made from the shared
 * corpus, with the bundled all-MiniLM-L6-v2 as the job uses it ({@link StorySpaces}). English only, because
 * without the multilingual model (not installable here) only English articles are embedded and compared, so
 * a night of N English articles is the most work N articles can cost. Article i is a run of consecutive
 * English WMT22 sentences (both English sides of the corpus, 4,055 lines), {@code min} to {@code max} of them
 * (by {@code i * 7} as {@link NightArticles} does), each starting where the last ended: once the lines run out
 * they are reused shifted, so some articles overlap, as some articles of a real night tell one story.
 *
 * <p>Prints the embedding time (all model calls) and the grouping time (everything else of
 * {@link StoryClusterer#cluster}), wall and process CPU seconds (CPU, because the build machine is shared), and
 * the number of stories.
 *
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.briefs.bench.StoryNightBench ../shared/corpus 1000 8 52"
 * </pre>
 *
 * <p>{@code --day DIR [COUNT]} takes the night from an input folder instead, read as the job reads it (the first
 * COUNT readable articles, all taken as English): the hostile-size days of {@code tools/bench/hostile_inputs.py}
 * (docs/input.md, "Hostile sizes").
 */
public final class StoryNightBench {

    private StoryNightBench() {}

    public static void main(String[] args) throws Exception {
        boolean fromFolder = args.length > 0 && args[0].equals("--day");
        String[] rest = fromFolder ? Arrays.copyOfRange(args, 1, args.length) : args;
        Path corpus = Path.of(rest.length > 0 ? rest[0] : "../shared/corpus");
        int count = rest.length > 1 ? Integer.parseInt(rest[1]) : fromFolder ? Integer.MAX_VALUE : 1000;
        int min = rest.length > 2 ? Integer.parseInt(rest[2]) : 8;
        int max = rest.length > 3 ? Integer.parseInt(rest[3]) : 52;
        List<StoryArticle> articles = fromFolder ? day(corpus, count) : night(corpus, count, min, max);
        count = articles.size();
        int windows = articles.stream().mapToInt(a -> a.windows().size()).sum();
        try (SentenceEmbeddingModel minilm = SentenceEmbeddingModel.loadBundled()) {
            minilm.embed(articles.get(0).windows()); // warm-up: ONNX Runtime's first calls are slower
            Timed timed = new Timed(minilm::embed);
            EmbeddingSpace space =
                    EmbeddingSpace.within(minilm.name(), Set.of("en"), StorySpaces.MINILM_THRESHOLD, timed);
            double wall0 = System.nanoTime() / 1e9;
            double cpu0 = cpu();
            StoryDay day =
                    new StoryClusterer(List.of(space), StorySpaces.LINKAGE, StorySpaces.COMPARISON).cluster(articles);
            double wall = System.nanoTime() / 1e9 - wall0;
            double cpuAll = cpu() - cpu0;
            long grouped =
                    day.stories().stream().filter(s -> s.members().size() > 1).count();
            int largest = day.stories().stream()
                    .mapToInt(s -> s.members().size())
                    .max()
                    .orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "%d English articles (%s), %d windows (at most %d an " + "article), %d cores%n",
                    count,
                    fromFolder ? "from " + corpus : min + " to " + max + " corpus lines",
                    windows,
                    StoryArticle.MAX_SENTENCES,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    Locale.ROOT,
                    "embedding: %.1f s wall, %.1f s CPU, %d texts embedded (%.2f ms wall, " + "%.2f ms CPU each)%n",
                    timed.wall,
                    timed.cpu,
                    timed.texts,
                    timed.wall * 1000 / timed.texts,
                    timed.cpu * 1000 / timed.texts);
            System.out.printf(
                    Locale.ROOT, "grouping:  %.1f s wall, %.1f s CPU%n", wall - timed.wall, cpuAll - timed.cpu);
            System.out.printf(
                    Locale.ROOT,
                    "stories:   %d (%d of several articles, the largest %d)%n",
                    day.stories().size(),
                    grouped,
                    largest);
            System.out.println("work:      " + day.work());
        }
    }

    /** The night's articles, in the job's story view. */
    public static List<StoryArticle> night(Path corpus, int count, int min, int max) throws IOException {
        List<String> pool = new ArrayList<>(lines(corpus.resolve("wmt22-en-uk.src.en")));
        pool.addAll(lines(corpus.resolve("wmt22-uk-en.ref.en")));
        List<StoryArticle> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < count; i++) {
            int length = min + (i * 7) % (max - min + 1);
            List<String> body = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                body.add(pool.get((next + k) % pool.size()));
            }
            next = (next + length) % pool.size();
            String id = String.format(Locale.ROOT, "night-%04d", i);
            Article article = new Article(
                    id,
                    null,
                    body.get(0),
                    "https://news.example/" + id,
                    "en",
                    String.join(" ", body.subList(1, body.size())),
                    id + ".json",
                    List.of());
            out.add(StoryArticle.of(article, "en", null));
        }
        return out;
    }

    /** The first {@code count} readable articles of an input folder, read as the job reads them. */
    private static List<StoryArticle> day(Path input, int count) throws IOException {
        ArticleFileReader reader = new ArticleFileReader();
        List<StoryArticle> out = new ArrayList<>();
        for (String file : ArticleFiles.list(input)) {
            for (ArticleInput in : reader.read(input, file)) {
                if (in.readable() && out.size() < count) {
                    out.add(StoryArticle.of(in.article(), "en", null));
                }
            }
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static double cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The model, timed: wall and process CPU seconds inside its calls. */
    private static final class Timed implements LeadEncoder {
        private final LeadEncoder model;
        double wall;
        double cpu;
        long texts;

        Timed(LeadEncoder model) {
            this.model = model;
        }

        @Override
        public float[][] embed(List<String> texts) {
            double w = System.nanoTime() / 1e9;
            double c = cpu();
            float[][] out = model.embed(texts);
            this.texts += texts.size();
            wall += System.nanoTime() / 1e9 - w;
            cpu += cpu() - c;
            return out;
        }
    }
}
