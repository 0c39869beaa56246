package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command the docs show still runs: each line of a fenced code block in README.md, docs/*.md and
 * models/README.md that runs the product ({@code java -jar target/briefs.jar COMMAND ...}, or a line that
 * starts with {@code briefs COMMAND ...}) names a command (and sub-command, such as {@code models fetch}) that
 * exists, and only {@code --options} that command's picocli spec has. The spec is the application's own
 * {@link BriefsMain#commandLine()}; nothing is run. Also: every relative link of those pages (and of the
 * tools' READMEs) leads to a file that exists, and every {@code #anchor} into a Markdown file to one of its
 * headings, as GitHub makes anchors.
 */
class DocsCommandsTest {

    /** The pages whose commands and links are checked. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        pages.addAll(markdownUnder(Path.of("docs")));
        pages.add(Path.of("models/README.md"));
        return pages;
    }

    @Test
    void everyCommandInTheDocsNamesACommandAndOptionsThatExist() {
        DocsCommands checker = new DocsCommands(BriefsMain.commandLine());
        List<DocsCommands.Found> found = new ArrayList<>();
        for (Path page : pages()) {
            found.addAll(checker.commandsIn(page));
        }
        List<String> problems =
                found.stream().flatMap(f -> f.problems().stream()).toList();
        System.out.println("DocsCommandsTest: " + found.size() + " commands checked in " + pages().size() + " pages");
        assertThat(problems)
                .as("commands in the docs that do not run as written")
                .isEmpty();

        // Not passing by finding nothing: the pages show dozens of commands, and every command at least once.
        assertThat(found).as("commands found in the docs").hasSizeGreaterThanOrEqualTo(40);
        Set<String> shown = new TreeSet<>();
        found.forEach(f -> shown.add(f.command()));
        assertThat(shown)
                .contains(
                        "run",
                        "rerun-failed",
                        "status",
                        "worker",
                        "models list",
                        "models fetch",
                        "models verify",
                        "translate",
                        "summarise",
                        "eval",
                        "bench");
        assertThat(found.stream().filter(f -> f.options().size() > 0).count())
                .as("commands with options")
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void theCheckerCatchesAnOptionThatDoesNotExist() {
        DocsCommands checker = new DocsCommands(BriefsMain.commandLine());
        String page = String.join(
                "\n",
                "Some text with `java -jar target/briefs.jar run --no-such-inline` outside a block: not checked.",
                "",
                "```sh",
                "java -jar target/briefs.jar run --date 2026-11-20 --force          # fine",
                "java -jar target/briefs.jar run --dat 2026-11-20                   # a typo",
                "java -jar target/briefs.jar models fech opus-mt-en-uk",
                "java -jar target/briefs.jar bench --model DIR \\",
                "    --batch 1,8 --no-such-option",
                "java -jar target/briefs.jar models fetch opus-mt-en-uk && java -jar target/briefs.jar rerun-failed --date D --fast",
                "briefs translate --model NAME [TEXT | --file F] [--variant fp32|quantized] --json",
                "java -jar target/briefs.jar models list [--job FILE] | fetch [NAME]... | verify [NAME]... --all",
                "java -jar target/briefs.jar frobnicate --date D",
                "```",
                "");
        List<DocsCommands.Found> found = checker.commandsInText("bad.md", page);
        assertThat(found)
                .extracting(DocsCommands.Found::command)
                .containsExactly(
                        "run",
                        "run",
                        "models",
                        "bench",
                        "models fetch",
                        "rerun-failed",
                        "translate",
                        "models list",
                        "models fetch",
                        "models verify",
                        "frobnicate");
        List<String> problems =
                found.stream().flatMap(f -> f.problems().stream()).toList();
        assertThat(problems).hasSize(6);
        assertThat(problems.get(0)).contains("bad.md:5").contains("run").contains("--dat");
        assertThat(problems.get(1)).contains("bad.md:6").contains("models").contains("fech");
        assertThat(problems.get(2)).contains("bad.md:7").contains("bench").contains("--no-such-option");
        assertThat(problems.get(3))
                .contains("bad.md:9")
                .contains("rerun-failed")
                .contains("--fast");
        assertThat(problems.get(4))
                .contains("bad.md:11")
                .contains("models verify")
                .contains("--all");
        assertThat(problems.get(5)).contains("bad.md:12").contains("frobnicate");
        assertThat(found.get(0).options()).containsExactly("--date", "--force");
        assertThat(found.get(6).options()).containsExactly("--model", "--file", "--variant", "--json");
    }

    @Test
    void everyRelativeLinkAndAnchorOfTheDocsExists() {
        List<Path> pages = new ArrayList<>(pages());
        pages.addAll(markdownUnder(Path.of("tools")));
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            List<DocsLinks.Link> found = DocsLinks.linksIn(page);
            links += found.size();
            for (DocsLinks.Link link : found) {
                String problem = DocsLinks.problem(page, link);
                if (problem != null) {
                    broken.add(page + ":" + link.line() + ": " + link.target() + ": " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(links).as("links checked").isGreaterThanOrEqualTo(60);
    }

    @Test
    void theLinkCheckerCatchesAMissingFileAndAMissingAnchor() throws IOException {
        Path dir = Files.createTempDirectory("docs-links");
        Path other = dir.resolve("other.md");
        Files.writeString(
                other, "# Other page\n\n## Generation, token for token as `transformers`\n\n## Speed\n\n## Speed\n");
        Path page = dir.resolve("page.md");
        Files.writeString(
                page,
                String.join(
                        "\n",
                        "# Page",
                        "",
                        "[ok](other.md) [ok](other.md#generation-token-for-token-as-transformers) [ok](#page)",
                        "[ok](other.md#speed-1) [ok](https://example.org/#x)",
                        "[gone](missing.md) [no anchor](other.md#no-such-heading) [here](#nowhere)",
                        "```",
                        "[in code](not-checked.md)",
                        "```",
                        ""));
        List<String> problems = new ArrayList<>();
        for (DocsLinks.Link link : DocsLinks.linksIn(page)) {
            String problem = DocsLinks.problem(page, link);
            if (problem != null) {
                problems.add(link.target());
            }
        }
        assertThat(problems).containsExactly("missing.md", "other.md#no-such-heading", "#nowhere");
        assertThat(DocsLinks.anchor("Scaling out: a manager and workers"))
                .isEqualTo("scaling-out-a-manager-and-workers");
        assertThat(DocsLinks.anchor("Generation, token for token as `transformers`"))
                .isEqualTo("generation-token-for-token-as-transformers");
    }

    private static List<Path> markdownUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(
                            p -> p.toString().endsWith(".md") && !p.toString().contains(".venv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds the product's command lines in fenced code blocks and checks them against the picocli spec. */
    static final class DocsCommands {

        private static final Pattern JAR = Pattern.compile("java\\s+-jar\\s+target/briefs\\.jar\\b");
        private static final Pattern BARE = Pattern.compile("^\\s*(?:\\$\\s+)?briefs(?=\\s)");
        private static final Pattern END = Pattern.compile("&&|\\|\\||;|\\s#|\"|\\)|>|`|\\$\\(");
        private static final Pattern OPTION = Pattern.compile("^\\[?(--[A-Za-z][A-Za-z0-9-]*)");

        /** One command shown in a page: where, which command, its options, and what is wrong with it. */
        record Found(String where, String command, List<String> options, List<String> problems) {}

        private final CommandLine root;

        DocsCommands(CommandLine root) {
            this.root = root;
        }

        List<Found> commandsIn(Path page) {
            try {
                return commandsInText(page.toString(), Files.readString(page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Found> commandsInText(String name, String text) {
            List<Found> found = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            boolean fence = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.strip().startsWith("```")) {
                    fence = !fence;
                    continue;
                }
                if (!fence) {
                    continue;
                }
                int first = i;
                StringBuilder joined = new StringBuilder();
                while (line.endsWith("\\") && i + 1 < lines.length) {
                    joined.append(line, 0, line.length() - 1).append(' ');
                    line = lines[++i];
                }
                joined.append(line);
                String where = name + ":" + (first + 1);
                for (String command : productCommands(joined.toString())) {
                    found.addAll(check(where, command));
                }
            }
            return found;
        }

        /** The text after each {@code java -jar target/briefs.jar} (or a leading {@code briefs}) of a line, up to its end. */
        private static List<String> productCommands(String line) {
            List<String> commands = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher bare = BARE.matcher(line);
            if (bare.find()) {
                starts.add(bare.end());
            }
            Matcher jar = JAR.matcher(line);
            while (jar.find()) {
                starts.add(jar.end());
            }
            for (int start : starts) {
                String rest = line.substring(start);
                Matcher end = END.matcher(rest);
                commands.add(end.find() ? rest.substring(0, end.start()) : rest);
            }
            return commands;
        }

        private List<Found> check(String where, String text) {
            List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
            words.removeIf(String::isEmpty);
            List<String> problems = new ArrayList<>();
            // Options of the root command (such as --log-format) may come before the command.
            while (!words.isEmpty() && words.get(0).startsWith("-")) {
                String option = optionName(words.remove(0));
                OptionSpec spec = option == null
                        ? null
                        : root.getCommandSpec().optionsMap().get(option);
                if (spec == null) {
                    problems.add(where + ": briefs has no option " + option);
                } else if (spec.arity().max() > 0 && !words.isEmpty()) {
                    words.remove(0);
                }
            }
            if (words.isEmpty()) {
                return List.of(new Found(where, "", List.of(), List.of(where + ": no command after briefs")));
            }
            String name = words.remove(0);
            CommandLine command = root.getSubcommands().get(name);
            if (command == null) {
                problems.add(where + ": briefs has no command '" + name + "'");
                return List.of(new Found(where, name, List.of(), problems));
            }
            if (command.getSubcommands().isEmpty()) {
                return List.of(found(where, name, command, words, problems));
            }
            // A command of commands: its sub-command, or several as alternatives (models list ... | fetch ...).
            List<Found> found = new ArrayList<>();
            List<List<String>> alternatives = new ArrayList<>();
            alternatives.add(new ArrayList<>());
            for (String word : words) {
                if (word.equals("|")) {
                    alternatives.add(new ArrayList<>());
                } else {
                    alternatives.get(alternatives.size() - 1).add(word);
                }
            }
            for (List<String> alternative : alternatives) {
                if (alternative.isEmpty() || alternative.get(0).startsWith("-")) {
                    found.add(found(where, name, command, alternative, problems));
                    problems = new ArrayList<>();
                    continue;
                }
                String subName = alternative.remove(0);
                CommandLine sub = command.getSubcommands().get(subName);
                if (sub == null) {
                    problems.add(where + ": briefs " + name + " has no command '" + subName + "'");
                    found.add(new Found(where, name, List.of(), problems));
                } else {
                    found.add(found(where, name + " " + subName, sub, alternative, problems));
                }
                problems = new ArrayList<>();
            }
            return found;
        }

        private static Found found(
                String where, String name, CommandLine command, List<String> words, List<String> problems) {
            Map<String, OptionSpec> options = command.getCommandSpec().optionsMap();
            Set<String> named = new LinkedHashSet<>();
            for (String word : words) {
                String option = optionName(word);
                if (option == null) {
                    continue;
                }
                named.add(option);
                if (!options.containsKey(option)) {
                    problems.add(where + ": briefs " + name + " has no option " + option + " (it has "
                            + new TreeSet<>(options.keySet()) + ")");
                }
            }
            return new Found(where, name, List.copyOf(named), problems);
        }

        /** {@code --name} of a word such as {@code --date}, {@code [--date}, {@code --variant=fp32}; null for others. */
        private static String optionName(String word) {
            Matcher m = OPTION.matcher(word);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Relative links of Markdown pages, and whether their files and anchors exist. */
    static final class DocsLinks {

        private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

        record Link(int line, String target) {}

        static List<Link> linksIn(Path page) {
            List<Link> links = new ArrayList<>();
            boolean fence = false;
            List<String> lines = readLines(page);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fence = !fence;
                    continue;
                }
                if (fence) {
                    continue;
                }
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    links.add(new Link(i + 1, m.group(2)));
                }
            }
            return links;
        }

        /** What is wrong with a link of a page, or null when nothing is (or it leads off the repository). */
        static String problem(Path page, Link link) {
            String target = link.target();
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                return null;
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path base = page.toAbsolutePath().getParent();
            Path resolved =
                    file.isEmpty() ? page.toAbsolutePath() : base.resolve(file).normalize();
            if (!Files.exists(resolved)) {
                return "no such file " + resolved;
            }
            if (anchor == null) {
                return null;
            }
            if (!resolved.toString().endsWith(".md")) {
                return "an anchor into a file that is not Markdown";
            }
            return anchors(resolved).contains(anchor) ? null : "no heading with the anchor #" + anchor;
        }

        /** The anchors GitHub gives a page's headings: lowercase, punctuation dropped, spaces to '-', repeats numbered. */
        static Set<String> anchors(Path page) {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fence = false;
            for (String line : readLines(page)) {
                if (line.strip().startsWith("```")) {
                    fence = !fence;
                    continue;
                }
                if (fence || !line.matches("^#{1,6}\\s+.*")) {
                    continue;
                }
                String a = anchor(line.replaceFirst("^#{1,6}\\s+", ""));
                int n = seen.merge(a, 1, Integer::sum);
                anchors.add(n == 1 ? a : a + "-" + (n - 1));
            }
            return anchors;
        }

        static String anchor(String heading) {
            String text = heading.strip().toLowerCase(Locale.ROOT);
            text = text.replaceAll("[^\\p{L}\\p{N}\\p{Mn}\\p{Pc} -]", "");
            return text.replace(' ', '-');
        }

        private static List<String> readLines(Path page) {
            try {
                return Files.readAllLines(page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
