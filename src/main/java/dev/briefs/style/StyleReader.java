package dev.briefs.style;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Walks a style file's YAML nodes into a {@link Style}, collecting every problem of shape (unknown keys,
 * wrong types, unknown language codes, empty terms, keys written twice) with its line; {@link StyleRules}
 * then finds the entries that contradict each other. One reader reads one file.
 */
final class StyleReader {

    /** An entry of the file: a term, stripped and its spaces collapsed, and its line (1-based). */
    record Entry(String text, int line) {}

    record RawUsage(Entry form, List<Entry> variants) {}

    record RawLanguage(String code, List<RawUsage> use, List<Entry> keep) {}

    /** A pair's entry: its accepted forms (one key, split at {@code |}) and its source terms. */
    record RawRendering(List<Entry> forms, List<Entry> sourceTerms) {}

    record RawPair(String source, String target, List<RawRendering> use) {}

    private static final Set<String> LANGUAGE_CODES = Set.of(Locale.getISOLanguages());
    private static final Pattern PAIR = Pattern.compile("([a-z]+)-([a-z]+)");

    private final String file;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Words> tokenizers = new HashMap<>();

    StyleReader(String file) {
        this.file = file;
    }

    List<String> problems() {
        return problems;
    }

    Style read(Node root) {
        List<RawLanguage> languages = new ArrayList<>();
        List<RawPair> pairs = new ArrayList<>();
        for (NodeTuple entry : mapping(root, "the style file", "languages: and pairs:")) {
            String key = text(entry.getKeyNode());
            switch (key) {
                case "languages" -> {
                    for (NodeTuple language : mapping(entry.getValueNode(), "languages", "en: and uk:")) {
                        String code = text(language.getKeyNode());
                        if (knownLanguage(code, language.getKeyNode(), "languages")) {
                            languages.add(language(code, language.getValueNode()));
                        }
                    }
                }
                case "pairs" -> {
                    for (NodeTuple pair : mapping(entry.getValueNode(), "pairs", "uk-en:")) {
                        RawPair read = pair(text(pair.getKeyNode()), pair.getKeyNode(), pair.getValueNode());
                        if (read != null) {
                            pairs.add(read);
                        }
                    }
                }
                default -> unknown(entry.getKeyNode(), "", key, "languages, pairs");
            }
        }
        new StyleRules(file, problems).check(languages, pairs);
        return build(languages, pairs);
    }

    private RawLanguage language(String code, Node value) {
        String where = "languages." + code;
        List<RawUsage> use = new ArrayList<>();
        List<Entry> keep = new ArrayList<>();
        for (NodeTuple block : mapping(value, where, "use: and keep:")) {
            String key = text(block.getKeyNode());
            switch (key) {
                case "use" -> {
                    for (NodeTuple rule : mapping(block.getValueNode(), where + ".use", "Kyiv: [Kiev]")) {
                        Entry form = term(rule.getKeyNode(), code, where + ".use");
                        List<Entry> variants = terms(rule.getValueNode(), code, where + ".use." + form.text());
                        if (!form.text().isEmpty()) {
                            use.add(new RawUsage(form, variants));
                        }
                    }
                }
                case "keep" -> keep.addAll(terms(block.getValueNode(), code, where + ".keep"));
                default -> unknown(block.getKeyNode(), where + ".", key, "use, keep");
            }
        }
        return new RawLanguage(code, use, keep);
    }

    private RawPair pair(String name, Node keyNode, Node value) {
        Matcher m = PAIR.matcher(name);
        if (!m.matches()) {
            problem(keyNode, "pairs: '" + name + "' is no language pair; write SOURCE-TARGET, such as uk-en");
            return null;
        }
        // both codes checked, so that both are reported
        boolean sourceKnown = knownLanguage(m.group(1), keyNode, "pairs." + name);
        boolean known = knownLanguage(m.group(2), keyNode, "pairs." + name) && sourceKnown;
        if (known && m.group(1).equals(m.group(2))) {
            problem(
                    keyNode,
                    "pairs." + name + ": a pair translates one language into another; for forms within " + m.group(1)
                            + " use languages." + m.group(1) + ".use");
            return null;
        }
        String where = "pairs." + name;
        List<RawRendering> use = new ArrayList<>();
        for (NodeTuple block : mapping(value, where, "use:")) {
            String key = text(block.getKeyNode());
            if (!key.equals("use")) {
                unknown(block.getKeyNode(), where + ".", key, "use");
                continue;
            }
            for (NodeTuple rule :
                    mapping(block.getValueNode(), where + ".use", "\"the Armed Forces of Ukraine\": [ЗСУ]")) {
                List<Entry> forms = new ArrayList<>();
                int line = line(rule.getKeyNode());
                for (String form : text(rule.getKeyNode()).split("\\|", -1)) {
                    forms.add(checked(normalised(form), line, m.group(2), where + ".use"));
                }
                List<Entry> sources = terms(rule.getValueNode(), m.group(1), where + ".use." + text(rule.getKeyNode()));
                if (forms.stream().noneMatch(form -> form.text().isEmpty())) {
                    use.add(new RawRendering(forms, sources));
                }
            }
        }
        return known ? new RawPair(m.group(1), m.group(2), use) : null;
    }

    /**
     * The entries of a mapping; a key written twice is a problem (YAML keeps the last one silently). An empty
     * value ({@code use:} with nothing under it) is an empty mapping.
     */
    private List<NodeTuple> mapping(Node node, String where, String example) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode map)) {
            problem(node, where + " must map names to values, such as '" + example + "'; it is " + kind(node));
            return List.of();
        }
        List<NodeTuple> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode)) {
                problem(tuple.getKeyNode(), where + ": a key must be a single term, not " + kind(tuple.getKeyNode()));
                continue;
            }
            String key = normalised(text(tuple.getKeyNode()));
            Integer first = seen.putIfAbsent(key, line(tuple.getKeyNode()));
            if (first != null) {
                problem(
                        tuple.getKeyNode(),
                        where + ": '" + key + "' is duplicated (first on line " + first
                                + "); write it once, merging its entries");
                continue;
            }
            entries.add(tuple);
        }
        return entries;
    }

    /** A list of terms, or a single one; each checked as {@link #term} checks it. */
    private List<Entry> terms(Node node, String language, String where) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(term(node, language, where));
        }
        if (!(node instanceof SequenceNode list)) {
            problem(node, where + " must be a list of terms, such as [Kiev]; it is " + kind(node));
            return List.of();
        }
        List<Entry> terms = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (item instanceof ScalarNode || isNull(item)) {
                Entry term = term(item, language, where);
                if (!term.text().isEmpty()) {
                    terms.add(term);
                }
            } else {
                problem(item, where + ": each term must be a single text, not " + kind(item));
            }
        }
        return terms;
    }

    /** A term: not empty, and with at least one word that a text could match. */
    private Entry term(Node node, String language, String where) {
        return checked(normalised(isNull(node) ? "" : text(node)), line(node), language, where);
    }

    private Entry checked(String text, int line, String language, String where) {
        if (text.isEmpty()) {
            problems.add(file + ":" + line + ": " + where + ": an empty term; write the term, or remove the entry");
        } else if (LANGUAGE_CODES.contains(language)
                && Term.of(text, tokenizers.computeIfAbsent(language, Words::new))
                        .empty()) {
            problems.add(file + ":" + line + ": " + where + ": '" + text + "' has no word to match (it cannot be"
                    + " tokenized); write a term with letters or digits");
            return new Entry("", line);
        }
        return new Entry(text, line);
    }

    private boolean knownLanguage(String code, Node node, String where) {
        if (LANGUAGE_CODES.contains(code)) {
            return true;
        }
        problem(
                node,
                where + ": '" + code + "' is no language code; use the two-letter ISO 639-1 code, such as"
                        + " uk for Ukrainian or en for English");
        return false;
    }

    private void unknown(Node node, String where, String key, String known) {
        problem(node, "unknown key '" + where + key + "'; the keys here are " + known + " (see docs/style.md)");
    }

    private void problem(Node node, String message) {
        problems.add(file + ":" + line(node) + ": " + message);
    }

    private static Style build(List<RawLanguage> languages, List<RawPair> pairs) {
        Map<String, LanguageStyle> byCode = new LinkedHashMap<>();
        for (RawLanguage l : languages) {
            List<Usage> use = l.use().stream()
                    .map(u -> new Usage(u.form().text(), texts(u.variants())))
                    .toList();
            byCode.put(l.code(), new LanguageStyle(l.code(), use, texts(l.keep())));
        }
        Map<String, PairStyle> byName = new LinkedHashMap<>();
        for (RawPair p : pairs) {
            List<Rendering> use = p.use().stream()
                    .map(r -> new Rendering(texts(r.forms()), texts(r.sourceTerms())))
                    .toList();
            byName.put(p.source() + "-" + p.target(), new PairStyle(p.source(), p.target(), use));
        }
        return new Style(byCode, byName);
    }

    private static List<String> texts(List<Entry> entries) {
        return entries.stream().map(Entry::text).toList();
    }

    static String normalised(String term) {
        return term.strip().replaceAll("\\s+", " ");
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a single value";
    }

    static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
