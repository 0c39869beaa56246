package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import dev.briefs.brief.Brief;
import dev.briefs.log.ConsoleBar;
import dev.briefs.log.ConsoleEncoder;
import dev.briefs.log.LogFields;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Progress where no one watches a terminal (cron, Kubernetes, CI): a plain log line every so
 * often with the articles done, the rate and the time left, carrying the run's date.
 */
class ConsoleProgressTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger progressLogger;

    private static Brief brief(String id) {
        return new Brief(
                id,
                "2026-11-20",
                null,
                "en",
                Brief.OK,
                null,
                new Brief.Source(id + ".txt", null, List.of()),
                Map.of(),
                new Brief.Chunks(1, 0));
    }

    @BeforeEach
    void listen() {
        progressLogger = (Logger) LoggerFactory.getLogger(LogFields.PROGRESS_LOGGER);
        lines.start();
        progressLogger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        progressLogger.detachAppender(lines);
    }

    @Test
    void aLineSaysWhatIsDoneHowFastAndHowLongTheRestTakes() {
        AtomicLong now = new AtomicLong();
        try (ConsoleProgress progress = ConsoleProgress.manual(10, "2026-11-20", now::get)) {
            progress.written(brief("a"));
            progress.written(brief("b"));
            now.set(TimeUnit.SECONDS.toNanos(30));

            progress.logLine();
        }

        assertThat(lines.list).singleElement().satisfies(e -> {
            // 2 in 30 s is 4 a minute; 8 more take 2 minutes.
            assertThat(e.getFormattedMessage()).isEqualTo("2 of 10 articles briefed, 4.0 a minute, about 2 min left");
            assertThat(e.getMDCPropertyMap()).containsEntry(LogFields.DATE, "2026-11-20");
        });
    }

    @Test
    void withoutAKnownTotalOrOnceItIsPassedThereIsNoTimeLeft() {
        AtomicLong now = new AtomicLong();
        try (ConsoleProgress unknown = ConsoleProgress.manual(0, "2026-11-20", now::get);
                ConsoleProgress passed = ConsoleProgress.manual(1, "2026-11-20", now::get)) {
            for (String id : List.of("a", "b", "c")) {
                unknown.written(brief(id));
                passed.written(brief(id));
            }
            now.set(TimeUnit.MINUTES.toNanos(1));

            unknown.logLine();
            passed.logLine();
        }

        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("3 articles briefed, 3.0 a minute", "3 articles briefed, 3.0 a minute");
    }

    @Test
    void linesComeOnTheirOwnAtTheIntervalAndOnceMoreAtTheEnd() throws InterruptedException {
        try (ConsoleProgress progress = ConsoleProgress.create(5, "2026-11-20", false, Duration.ofMillis(20))) {
            progress.written(brief("a"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.list.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(lines.list).hasSizeGreaterThanOrEqualTo(2);
            progress.written(brief("b"));
        }

        assertThat(lines.list.get(lines.list.size() - 1).getFormattedMessage()).startsWith("2 of 5 articles briefed");
    }

    @Test
    void timeLeftReadsLikeAPersonWouldSayIt() {
        assertThat(ConsoleProgress.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(ConsoleProgress.human(Duration.ofSeconds(61))).isEqualTo("2 min");
        assertThat(ConsoleProgress.human(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }

    @Test
    void whileTheBarShowsPerArticleLinesWaitAndOtherLinesClearTheBarsLineFirst() {
        LoggerContext context = new LoggerContext();
        ConsoleBar filter = new ConsoleBar();
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        LoggingEvent written = new LoggingEvent(
                "t", context.getLogger(LogFields.ARTICLES_LOGGER), Level.INFO, "brief written", null, null);
        LoggingEvent failed = new LoggingEvent(
                "t", context.getLogger(LogFields.ARTICLES_LOGGER), Level.WARN, "translate failed", null, null);

        try (ConsoleProgress bar = ConsoleProgress.create(4, "2026-11-20", true, Duration.ofSeconds(30))) {
            assertThat(filter.decide(written)).isEqualTo(FilterReply.DENY);
            assertThat(filter.decide(failed)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(new String(encoder.encode(failed), StandardCharsets.UTF_8))
                    .isEqualTo("\r\u001b[KWARN translate failed" + System.lineSeparator());
        }

        // The bar is gone: every line is written as it is.
        assertThat(filter.decide(written)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(new String(encoder.encode(written), StandardCharsets.UTF_8))
                .isEqualTo("INFO brief written" + System.lineSeparator());
    }
}
