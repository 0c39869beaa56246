package dev.briefs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words file of {@code bench --force-words FILE}: one constraint a line, {@code |} between the accepted forms
 * of one constraint (as {@code translate --force-word} takes them), {@code #} comment lines and blank lines
 * ignored. A line {@code source => target|target} applies only to the sentences that contain one of its source
 * terms ({@code |} between them too; case-insensitive substring, so "Kyiv" also finds "Kyiv's"), as the night
 * forces only the terms whose source occurs; a line without {@code =>} applies to every sentence, as the CLI does.
 */
final class ForceWordsFile {

    /** One constraint: the line it came from, the source terms that make it apply (none: always), its forms. */
    record Entry(int line, List<String> sourceTerms, String word) {

        boolean appliesTo(String sentence) {
            if (sourceTerms.isEmpty()) {
                return true;
            }
            String lower = sentence.toLowerCase(Locale.ROOT);
            return sourceTerms.stream().anyMatch(t -> lower.contains(t.toLowerCase(Locale.ROOT)));
        }

        /** The accepted forms, as the outputs are searched for them. */
        List<String> forms() {
            return List.of(word.split("\\|", -1)).stream().map(String::strip).toList();
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private ForceWordsFile(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    Path file() {
        return file;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The constraints that apply to a sentence, in file order. */
    List<Entry> entriesFor(String sentence) {
        return entries.stream().filter(e -> e.appliesTo(sentence)).toList();
    }

    /** The error for a line, naming the file and the line: what is wrong and what to write instead. */
    UsageException lineError(int line, String what) {
        return new UsageException("--force-words file " + file + " line " + line + ": " + what);
    }

    static ForceWordsFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--force-words file " + file
                    + " does not exist; give a file with one word a line ('|' between accepted forms)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --force-words file " + file, e);
        }
        ForceWordsFile parsed = new ForceWordsFile(file, List.of());
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            entries.add(parsed.parseLine(i + 1, text));
        }
        if (entries.isEmpty()) {
            throw new UsageException("--force-words file " + file
                    + " has no words (only blank or # lines); give one word a line ('|' between accepted forms)");
        }
        return new ForceWordsFile(file, entries);
    }

    private Entry parseLine(int line, String text) {
        String[] sides = text.split("=>", -1);
        if (sides.length > 2) {
            throw lineError(line, "\"" + text + "\" has more than one '=>'; write 'source => target|target'");
        }
        List<String> sources = List.of();
        String word = sides[sides.length - 1].strip();
        if (sides.length == 2) {
            sources = splitForms(line, text, sides[0], "source term");
        }
        splitForms(line, text, word, "form");
        return new Entry(line, sources, word);
    }

    private List<String> splitForms(int line, String text, String side, String what) {
        List<String> forms = new ArrayList<>();
        for (String f : side.split("\\|", -1)) {
            if (f.isBlank()) {
                throw lineError(
                        line,
                        "\"" + text + "\" has an empty " + what + "; write 'word', 'form|form' or"
                                + " 'source => form|form'");
            }
            forms.add(f.strip());
        }
        return forms;
    }
}
