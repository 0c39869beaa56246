package dev.briefs.job.launch;

import dev.briefs.job.nightly.RunParameters;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A date's executions of the given jobs, found with one query on the date's job parameter. Spring Batch's
 * repository can only list every instance of a job and then every execution of each, loading its steps and
 * contexts as it goes: a question about one date would cost some ten statements for every night the
 * repository ever ran, so the commands' start would slow down night after night. Here the cost is one
 * statement, then the loading of the date's own few executions.
 */
final class DateExecutions {

    /*
     * Spring Batch's own tables, by its default prefix (the job sets no other). Every nightly and rerun-failed
     * execution carries its date as a parameter (RunParameters.of). Spring Batch indexes no parameter value,
     * and its tables are made after the project's migrations, so none can add one: the statement reads the
     * parameter rows (five a run, some two thousand after a year of nights), which is one statement's work
     * where the repository's own way was some ten round trips for each past night.
     */
    private static final String QUERY = """
            SELECT E.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION E
            JOIN BATCH_JOB_INSTANCE I ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS P ON P.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID
            WHERE P.PARAMETER_NAME = ? AND P.PARAMETER_VALUE = ? AND I.JOB_NAME IN (%s)
            ORDER BY E.CREATE_TIME, E.JOB_EXECUTION_ID
            """;

    private final JobRepository repository;
    private final JdbcTemplate jdbc;

    DateExecutions(JobRepository repository, DataSource dataSource) {
        this.repository = repository;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static DateExecutions in(ApplicationContext context) {
        return new DateExecutions(context.getBean(JobRepository.class), context.getBean(DataSource.class));
    }

    /** The ids of the date's executions of the jobs, oldest first (by creation, then id). */
    List<Long> ids(LocalDate date, String... jobNames) {
        Object[] args = new Object[jobNames.length + 2];
        args[0] = RunParameters.DATE;
        args[1] = date.toString();
        System.arraycopy(jobNames, 0, args, 2, jobNames.length);
        return jdbc.queryForList(
                QUERY.formatted(String.join(", ", Collections.nCopies(jobNames.length, "?"))), Long.class, args);
    }

    /** The date's executions of the jobs, oldest first, each with its steps and parameters. */
    List<JobExecution> all(LocalDate date, String... jobNames) {
        return ids(date, jobNames).stream()
                .map(repository::getJobExecution)
                .filter(Objects::nonNull)
                .toList();
    }

    /** The date's newest execution of the jobs, if it ever ran. */
    Optional<JobExecution> newest(LocalDate date, String... jobNames) {
        List<Long> ids = ids(date, jobNames);
        return ids.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(repository.getJobExecution(ids.get(ids.size() - 1)));
    }
}
