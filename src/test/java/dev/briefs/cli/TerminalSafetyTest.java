package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.briefs.support.CommandResult;
import dev.briefs.support.LoggedCommand;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * Nothing untrusted reaches the terminal raw: a file name full of escape sequences, carriage
 * returns and bidi controls is named in the operator's messages and logs without any of them.
 */
class TerminalSafetyTest {

    /** Recolours, clears the screen, sets the window title, overwrites the line, reverses the text. */
    private static final String HOSTILE = "\u001b[31mred\u001b[0m\u001b[2J\u001b]0;pwned\u0007\rover\u202egnp.exe";

    @TempDir
    Path root;

    private static boolean raw(String s) {
        return s.chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x07 || c == 0x9b || c == 0x202e);
    }

    @Test
    void aHostileFileNameIsShownWithoutItsControlCharacters() throws IOException {
        Path input = TestJobs.inputDir(root, "2026-11-20");
        Files.writeString(input.resolve(HOSTILE + ".txt"), ""); // empty: reported as a failed article, by name
        Path job = TestJobs.write(root, "");

        LoggedCommand logged = LoggedCommand.run("run", job.toString(), "--date", "2026-11-20");
        CommandResult run = logged.result();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(run.out()).contains("the file is empty").contains("redover");
        assertThat(raw(run.out())).as(run.out()).isFalse();
        assertThat(raw(run.err())).as(run.err()).isFalse();
        // The log names the file too, in the brief's line and its failure's.
        assertThat(logged.log()).contains("brief written: failed (redovergnp.exe.txt)");
        assertThat(raw(logged.log())).as(logged.log()).isFalse();
    }

    @Test
    void theWriterDropsSequencesSplitAcrossWritesAndKeepsTheText() throws IOException {
        StringWriter out = new StringWriter();
        try (TerminalSafeWriter w = new TerminalSafeWriter(out)) {
            w.write("a\u001b[3");
            w.write("1mb\u001b]0;title");
            w.write("\u001b\\c\td\ne \u041f\u0440\u0438\u0432\u0456\u0442");
        }
        assertThat(out).hasToString("abc\td\ne Привіт");
    }

    @Test
    void logLinesDropThemToo() throws IOException {
        String pattern;
        try (InputStream in = TerminalSafetyTest.class.getResourceAsStream("/logback.xml")) {
            // The pattern as Logback reads it: XML, entities decoded.
            pattern = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(in)
                    .getElementsByTagName("pattern")
                    .item(0)
                    .getTextContent();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("logback.xml is not well-formed XML", e);
        }
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LoggingEvent event = new LoggingEvent(
                "test",
                context.getLogger("dev.briefs.test"),
                Level.WARN,
                "cannot read " + HOSTILE + ".txt",
                null,
                null);
        event.setMDCPropertyMap(Map.of("date", "2026-11-20", "article", HOSTILE, "stage", "read"));
        LoggingEvent bare =
                new LoggingEvent("test", context.getLogger("dev.briefs.test"), Level.INFO, "started", null, null);
        bare.setMDCPropertyMap(Map.of());

        String line = layout.doLayout(event);

        assertThat(line)
                .contains("WARN  [2026-11-20 redovergnp.exe read] test - cannot read redovergnp.exe.txt")
                .endsWith(System.lineSeparator());
        assertThat(raw(line)).as(line).isFalse();
        // Without fields, no empty brackets and no gaps.
        assertThat(layout.doLayout(bare)).matches("\\d\\d:\\d\\d:\\d\\d INFO  test - started\\R");
    }
}
