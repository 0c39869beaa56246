package dev.briefs.story;

import dev.briefs.story.Agglomeration.Step;
import dev.briefs.story.Similarities.Similarity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups the day's articles into stories: each article's windows (its sentences) are embedded by the models
 * that read its language, pairs are compared by the model for their languages as the {@link Comparison} says
 * ({@link Similarities}), and groups are joined agglomeratively while their {@link Linkage} margin over the
 * model's threshold is at least 0 ({@link Agglomeration}). Each story is led by its longest article
 * ({@link LeadChoice}).
 *
 * <p>The same articles always give the same stories: they are taken in id order whatever order they come
 * in, each window is embedded alone, and ties are decided by id. Nothing here runs threads.
 */
public final class StoryClusterer {

    private final List<EmbeddingSpace> spaces;
    private final Linkage linkage;
    private final Comparison comparison;

    /**
     * @param spaces  the models, in order of preference: for two articles of one language the first model of
     *                that language compares them, else the first multilingual one
     * @param linkage    how groups of articles are compared
     * @param comparison what of two articles is compared
     */
    public StoryClusterer(List<EmbeddingSpace> spaces, Linkage linkage, Comparison comparison) {
        this.spaces = List.copyOf(spaces);
        this.linkage = linkage;
        this.comparison = comparison;
    }

    public StoryDay cluster(List<StoryArticle> dayArticles) {
        List<StoryArticle> articles = dayArticles.stream()
                .sorted(Comparator.comparing(StoryArticle::id))
                .toList();
        for (int i = 1; i < articles.size(); i++) {
            if (articles.get(i).id().equals(articles.get(i - 1).id())) {
                throw new IllegalArgumentException("article id "
                        + articles.get(i).id() + " appears twice in the day; " + "each article must be given once");
            }
        }
        Similarities similarities = new Similarities(articles, spaces, comparison);
        Agglomeration agglomeration = new Agglomeration(articles.size(), similarities, linkage);
        Map<Integer, List<Integer>> groups = agglomeration.run();
        Map<Integer, List<Join>> joins = joinsByGroup(agglomeration.steps(), groups, articles);
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            indexOfId.put(articles.get(i).id(), i);
        }
        List<Story> stories = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
            stories.add(story(
                    group.getValue(),
                    joins.getOrDefault(group.getKey(), List.of()),
                    articles,
                    indexOfId,
                    similarities));
        }
        stories.sort(Comparator.comparing(Story::id));
        return new StoryDay(
                stories,
                notes(articles),
                linkage,
                spaces.stream().map(StoryClusterer::describe).toList(),
                similarities.work());
    }

    /** @param indexOfId each article's index in {@code articles}: looking it up there is a pass over the day */
    private static Story story(
            List<Integer> members,
            List<Join> joins,
            List<StoryArticle> articles,
            Map<String, Integer> indexOfId,
            Similarities similarities) {
        List<StoryArticle> ranked =
                LeadChoice.rank(members.stream().map(articles::get).toList());
        StoryArticle lead = ranked.get(0);
        int leadIndex = indexOfId.get(lead.id());
        List<StoryMember> out = new ArrayList<>();
        out.add(new StoryMember(lead, 1.0, null));
        for (StoryArticle member : ranked.subList(1, ranked.size())) {
            Similarity s = similarities.of(leadIndex, indexOfId.get(member.id()));
            out.add(new StoryMember(member, s.cosine(), s.space().model()));
        }
        return new Story(lead.id(), lead, LeadChoice.reason(ranked), out, joins);
    }

    /** Each step belongs to the final group that holds its articles. */
    private Map<Integer, List<Join>> joinsByGroup(
            List<Step> steps, Map<Integer, List<Integer>> groups, List<StoryArticle> articles) {
        Map<Integer, Integer> groupOf = new HashMap<>();
        groups.forEach((id, members) -> members.forEach(m -> groupOf.put(m, id)));
        Map<Integer, List<Join>> out = new TreeMap<>();
        for (Step step : steps) {
            Similarity s = step.strongest();
            out.computeIfAbsent(groupOf.get(step.left().get(0)), k -> new ArrayList<>())
                    .add(new Join(
                            ids(step.left(), articles),
                            ids(step.right(), articles),
                            linkage,
                            step.margin(),
                            articles.get(step.pairI()).id(),
                            articles.get(step.pairJ()).id(),
                            s.cosine(),
                            s.space().model(),
                            s.space().threshold(),
                            s.compared()));
        }
        return out;
    }

    private static List<String> ids(List<Integer> members, List<StoryArticle> articles) {
        return members.stream().map(m -> articles.get(m).id()).toList();
    }

    /** What the grouping could not do with the models it has. */
    private List<String> notes(List<StoryArticle> articles) {
        Set<String> languages = new TreeSet<>();
        articles.forEach(a -> languages.add(a.language()));
        List<String> notes = new ArrayList<>();
        boolean multilingual = spaces.stream().anyMatch(EmbeddingSpace::isMultilingual);
        if (!multilingual && languages.size() > 1) {
            notes.add("no multilingual embedding model: articles were grouped only within their language ("
                    + String.join(", ", languages) + "), so a story told in two languages is two stories");
        }
        Set<String> unread = new TreeSet<>();
        Map<String, Integer> counts = new HashMap<>();
        articles.forEach(a -> counts.merge(a.language(), 1, Integer::sum));
        Set<String> read = new HashSet<>();
        spaces.forEach(s -> read.addAll(s.languages()));
        for (String language : languages) {
            if (!multilingual && !read.contains(language) && counts.get(language) > 1) {
                unread.add(language + " (" + counts.get(language) + " articles)");
            }
        }
        if (!unread.isEmpty()) {
            notes.add("no embedding model reads " + String.join(", ", unread)
                    + ": each of these articles is a story of its own");
        }
        return notes;
    }

    private static String describe(EmbeddingSpace s) {
        return String.format(
                Locale.ROOT,
                "%s (%s) at %s",
                s.model(),
                s.isMultilingual() ? "all languages" : String.join(", ", new TreeSet<>(s.languages())),
                BigDecimal.valueOf(s.threshold()).stripTrailingZeros().toPlainString());
    }
}
