package dev.briefs.story;

import dev.briefs.article.Article;
import dev.briefs.support.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test day of real text from the shared corpus, with the true stories known:
 * <ul>
 * <li>the English reference translations of the 16 Ukrainian WMT22 documents ({@code en-ID}): headline as
 *     title, the other segments as text in paragraphs of four;</li>
 * <li>for each, a rewrite ({@code rw-ID}): half of its sentences (rounded up), picked and shuffled with a fixed
 *     seed, without the headline, as another outlet would retell it;</li>
 * <li>for each, the same story cut to its first paragraph ({@code cut-ID}), with the headline;</li>
 * <li>unrelated documents: the corpus' English article and blocks of six consecutive lines of the en-uk test
 *     set (news, product pages and customer chats), 170 lines apart.</li>
 * </ul>
 * The truth is each document with its rewrite and its cut; every unrelated document alone.
 */
final class RealTextDay {

    static final long SEED = 20_221_124L;
    static final int PARAGRAPH = 4;

    /** Windows of the lead's size, for comparison with {@link StoryArticle#WINDOW_SENTENCES}. */
    static final int LEAD_WINDOWS = StoryArticle.LEAD_SENTENCES;

    final List<StoryArticle> articles = new ArrayList<>();
    private final List<Article> read = new ArrayList<>();
    /** True story of each article id: the document id, or the article's own id when unrelated. */
    final Map<String, String> truth = new TreeMap<>();
    /** The Ukrainian originals, by document id: (title, body paragraphs). */
    final Map<String, List<String>> ukrainian = new TreeMap<>();

    final Map<String, List<String>> english = new TreeMap<>();

    static RealTextDay build() throws IOException {
        RealTextDay day = new RealTextDay();
        JsonMapper json = JsonMapper.builder().build();
        Random random = new Random(SEED);
        for (String line : Files.readAllLines(SharedCorpus.file("wmt22-uk-news.jsonl"))) {
            JsonNode doc = json.readTree(line);
            String id = doc.get("id").asString().replace("test_uk_", "");
            List<String> en = segments(doc.get("reference_en_segments"));
            day.english.put(id, en);
            day.ukrainian.put(id, segments(doc.get("segments")));
            List<String> body = en.subList(1, en.size());
            day.add("en-" + id, id, "en", en.get(0), paragraphs(body));
            List<String> kept = new ArrayList<>(body);
            Collections.shuffle(kept, random);
            kept = kept.subList(0, (kept.size() + 1) / 2);
            day.add("rw-" + id, id, "en", null, paragraphs(kept));
            day.add(
                    "cut-" + id,
                    id,
                    "en",
                    en.get(0),
                    String.join(" ", body.subList(0, Math.min(PARAGRAPH, body.size()))));
        }
        String article = Files.readString(SharedCorpus.file("000_c930af4e63a7dcc9.txt"))
                .replaceFirst("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*", "");
        day.add("un-blinken", null, "en", null, article);
        List<String> lines = Files.readAllLines(SharedCorpus.file("wmt22-en-uk.src.en")).stream()
                .filter(l -> !l.isBlank())
                .toList();
        for (int start = 60, k = 0; start + 6 <= lines.size() && k < 11; start += 170, k++) {
            List<String> block = lines.subList(start, start + 6);
            day.add(String.format("un-block%02d", k), null, "en", block.get(0), paragraphs(block.subList(1, 6)));
        }
        return day;
    }

    private void add(String id, String story, String language, String title, String text) {
        Article article =
                new Article(id, null, title, "https://news.example/" + id, language, text, id + ".json", List.of());
        articles.add(StoryArticle.of(article, language, null));
        read.add(article);
        truth.put(id, story == null ? id : story);
    }

    /** The same articles with windows of {@code windowSentences} sentences. */
    List<StoryArticle> articles(int windowSentences) {
        return articles(windowSentences, StoryArticle.MAX_SENTENCES);
    }

    /** With at most {@code maxSentences} sentences of each article in its windows. */
    List<StoryArticle> articles(int windowSentences, int maxSentences) {
        return read.stream()
                .map(a -> StoryArticle.of(a, a.declaredLanguage(), null, windowSentences, maxSentences))
                .toList();
    }

    private static List<String> segments(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asString().strip()));
        return out;
    }

    static String paragraphs(List<String> sentences) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += PARAGRAPH) {
            paragraphs.add(String.join(" ", sentences.subList(i, Math.min(i + PARAGRAPH, sentences.size()))));
        }
        return String.join("\n\n", paragraphs);
    }

    /** Pairwise precision and recall of found stories against the truth. */
    record Score(int truePairs, int foundPairs, int correctPairs) {

        double precision() {
            return foundPairs == 0 ? 1 : (double) correctPairs / foundPairs;
        }

        double recall() {
            return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
        }
    }

    Score score(StoryDay day) {
        Map<String, String> found = new TreeMap<>();
        day.stories()
                .forEach(s -> s.members().forEach(m -> found.put(m.article().id(), s.id())));
        List<String> ids = new ArrayList<>(truth.keySet());
        int truePairs = 0;
        int foundPairs = 0;
        int correct = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean same = truth.get(ids.get(i)).equals(truth.get(ids.get(j)));
                boolean together = found.get(ids.get(i)).equals(found.get(ids.get(j)));
                truePairs += same ? 1 : 0;
                foundPairs += together ? 1 : 0;
                correct += same && together ? 1 : 0;
            }
        }
        return new Score(truePairs, foundPairs, correct);
    }
}
