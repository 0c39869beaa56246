package dev.briefs.support;

import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Consecutive dates on one job repository (a week: {@link #NIGHTS}), with two short articles a night (one English, one
 * Ukrainian, each naming its night in every sentence, so that each night's model inputs are its own) and the
 * tiny models. Each run of the week is told its day by a {@link Clock} (the output cache's ages), so that
 * the real pruning of {@code cache.max-age-days} runs as it would on that day without the test waiting.
 * Used by {@code WeekOfNightsTest} and by {@code dev.briefs.bench.WeekBench}, which measures it.
 */
public final class WeekOfNights {

    public static final int NIGHTS = 7;
    public static final LocalDate FIRST = LocalDate.parse("2026-11-16");
    /** The output cache's age limit of the week's job file: short enough for the week to outlive it. */
    public static final int MAX_AGE_DAYS = 3;

    private final Path root;
    private final Path job;
    /** Every model input of the last run, as "MODEL: TEXT". */
    private final Queue<String> inputs = new ConcurrentLinkedQueue<>();

    /** @param repository the job file's lines for the job repository, empty for the embedded H2 database */
    public WeekOfNights(Path root, String repository) throws IOException {
        this.root = root;
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");
        this.job = TestJobs.write(
                root,
                repository + "retry:\n  max-retries: 1\n  delay-ms: 5\ncache:\n  max-age-days: " + MAX_AGE_DAYS + "\n");
    }

    public static LocalDate date(int night) {
        return FIRST.plusDays(night - 1L);
    }

    public Path job() {
        return job;
    }

    public JobSettings settings(int night) {
        return JobSettings.resolve(job, JobFiles.read(job), date(night), null, null);
    }

    /** The night's English article: every sentence names the night, so no other night has its model inputs. */
    public static String english(int night) {
        int ships = 10 + night;
        return ("date " + date(night) + "\n"
                        + "On day %1$d of the week the port of Chornomorsk loaded %2$d ships with wheat, the harbour master "
                        + "said. The %2$d ships of day %1$d left for Egypt in the evening. Port officials expect %2$d "
                        + "more ships on day %3$d.\n")
                .formatted(night, ships, night + 7);
    }

    /** The night's Ukrainian article. */
    public static String ukrainian(int night) {
        int libraries = 20 + night;
        return ("date " + date(night) + "\n"
                        + "У день %1$d тижня у Львові %2$d бібліотек працювали до опівночі, повідомили в міській раді. "
                        + "Усі %2$d бібліотек дня %1$d прийняли читачів з усього міста. Наступного разу %2$d "
                        + "бібліотек відкриються в день %3$d.\n")
                .formatted(night, libraries, night + 7);
    }

    /** Writes the night's input folder: its two articles, and the given other files (name, text). */
    public Path articles(int night, String... more) throws IOException {
        Path input = TestJobs.inputDir(root, date(night).toString());
        Files.writeString(input.resolve("harbour.txt"), english(night));
        Files.writeString(input.resolve("libraries.txt"), ukrainian(night));
        for (int i = 0; i < more.length; i += 2) {
            Files.writeString(input.resolve(more[i]), more[i + 1]);
        }
        return input;
    }

    /** The night's day as the runs of the night see it: 02:00 UTC the morning after the date, plus hours. */
    public static Clock day(int night, int hoursLater) {
        Instant at = date(night).plusDays(1).atTime(LocalTime.of(2, 0)).toInstant(ZoneOffset.UTC);
        return Clock.fixed(at.plusSeconds(3600L * hoursLater), ZoneOffset.UTC);
    }

    /** {@code run} of the night, on the night's day, with the models wrapped by {@code models}. */
    public JobRunner.Outcome run(int night, Clock clock, ModelDecorator models) {
        inputs.clear();
        return JobRunner.runNightly(settings(night), false, RunProgress.NONE, ctx -> wire(ctx, clock, models));
    }

    /** {@code rerun-failed} of the night, on the given day. */
    public JobRunner.Outcome rerunFailed(int night, Clock clock, ModelDecorator models) {
        inputs.clear();
        return JobRunner.rerunFailed(settings(night), RunProgress.NONE, ctx -> wire(ctx, clock, models));
    }

    private void wire(ConfigurableApplicationContext ctx, Clock clock, ModelDecorator models) {
        ModelDecorator counted = InterceptedModels.before((name, text) -> inputs.add(name + ": " + text));
        // The counter sits next to the real model: it sees the calls that reach it, after the cache and the faults.
        ctx.getBeanFactory().registerSingleton("modelDecorator", (ModelDecorator)
                (name, real) -> models.decorate(name, counted.decorate(name, real)));
        ctx.getBeanFactory().registerSingleton("clock", clock);
    }

    /** The model inputs of the last run that reached a model, as "MODEL: TEXT". */
    public List<String> inputs() {
        return new ArrayList<>(inputs);
    }

    /** {@code briefs status JOB --date DATE}, as the command line runs it. */
    public CommandResult status(int night) {
        return CommandResult.run("status", job.toString(), "--date", date(night).toString());
    }

    /**
     * What the repository takes on disk: the H2 file, or PostgreSQL's {@code pg_database_size}. On PostgreSQL
     * a {@code VACUUM} first, as autovacuum does on its own schedule (by default a minute apart, as long as
     * a test's whole week): the rows that pruning deleted and that updates replaced are then free to reuse,
     * so the size does not depend on whether autovacuum happened to run between two nights.
     */
    public long repositoryBytes() {
        JobSettings settings = settings(1);
        if (!settings.repository().postgres()) {
            try {
                return Files.size(settings.folders().data().resolve("jobs.mv.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("VACUUM");
            try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The creation times of the outputs the cache keeps, oldest first. */
    public List<Instant> cachedOutputTimes() {
        List<Instant> times = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CREATED FROM BRIEFS_OUTPUT_CACHE ORDER BY CREATED")) {
            while (rs.next()) {
                times.add(rs.getTimestamp(1).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return times;
    }

    /** A connection of its own to the week's job repository. */
    public Connection connect() throws SQLException {
        JobSettings settings = settings(1);
        return DriverManager.getConnection(
                settings.repository().url(),
                settings.repository().username(),
                settings.repository().password());
    }
}
