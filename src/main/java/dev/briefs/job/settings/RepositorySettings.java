package dev.briefs.job.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the job repository (Spring Batch's tables and the failure ledger) lives. By default an H2
 * file under the data folder, for one machine; a PostgreSQL URL makes it shareable by several
 * machines, and then the run lock and the article-id claims live in that database too.
 *
 * @param url      the JDBC URL
 * @param username the database user, or null for the driver's default
 * @param password from the environment only ({@code SPRING_DATASOURCE_PASSWORD}), never from the job file
 */
public record RepositorySettings(String url, String username, String password) {

    private static final String H2_FILE = "jdbc:h2:file:";

    /** The environment wins over the job file, as Spring Boot's own properties do. */
    static RepositorySettings resolve(JobFile.Repository fromFile, Path data, Map<String, String> env) {
        String url = env.get("SPRING_DATASOURCE_URL");
        String user = env.get("SPRING_DATASOURCE_USERNAME");
        if (url == null && fromFile != null && fromFile.url() != null) {
            url = fromFile.url();
            user = user != null ? user : fromFile.username();
        }
        if (url == null) {
            // WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to half a second, and a kill -9
            // in that window would lose committed chunks and even the record that the run started.
            return new RepositorySettings(
                    H2_FILE + data.toAbsolutePath().resolve("jobs") + ";WRITE_DELAY=0", "sa", null);
        }
        return new RepositorySettings(url, user, env.get("SPRING_DATASOURCE_PASSWORD"));
    }

    /** The file of the embedded H2 database, for the operator's messages; empty for a database elsewhere. */
    public Optional<Path> h2File() {
        if (!url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        int options = url.indexOf(';');
        return Optional.of(Path.of(url.substring(H2_FILE.length(), options < 0 ? url.length() : options) + ".mv.db"));
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        // The URL may carry a password as a parameter; show only its database part.
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
