package dev.briefs.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fix hints name the command the user ran: decided from the environment, the jar and the working directory. */
class InvocationTest {

    private static final Path WORK = Path.of("/home/ops/briefs");
    /** Where Spring Boot's launcher loads our classes from, inside the jar. */
    private static final String IN_JAR = "jar:nested:/home/ops/briefs/target/briefs.jar/!BOOT-INF/classes/!/";

    @Test
    void aJarUnderTheWorkingDirectoryIsNamedRelativeToIt() {
        assertThat(Invocation.launcher(null, IN_JAR, WORK)).isEqualTo("java -jar target/briefs.jar");
        assertThat(Invocation.launcher(null, "jar:nested:/home/ops/briefs/briefs-1.2.jar/!BOOT-INF/classes/!/", WORK))
                .isEqualTo("java -jar briefs-1.2.jar");
    }

    @Test
    void aJarElsewhereIsNamedByItsAbsolutePath() {
        assertThat(Invocation.launcher(null, IN_JAR, Path.of("/tmp")))
                .isEqualTo("java -jar /home/ops/briefs/target/briefs.jar");
        // A sibling folder whose name starts the same is not "under" the working directory.
        assertThat(Invocation.launcher(null, "jar:nested:/home/ops/briefs-old/briefs.jar/!BOOT-INF/classes/!/", WORK))
                .isEqualTo("java -jar /home/ops/briefs-old/briefs.jar");
    }

    @Test
    void aPathTheShellWouldSplitIsQuoted() {
        assertThat(Invocation.launcher(
                        null, "jar:nested:/home/ops/my%20jobs/briefs.jar/!BOOT-INF/classes/!/", Path.of("/tmp")))
                .isEqualTo("java -jar '/home/ops/my jobs/briefs.jar'");
        assertThat(Invocation.shellWord("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void theEnvironmentVariableWinsOverTheJar() {
        assertThat(Invocation.launcher("briefs", IN_JAR, WORK)).isEqualTo("briefs");
        assertThat(Invocation.launcher("  docker run --rm briefs:1.2 ", IN_JAR, WORK))
                .isEqualTo("docker run --rm briefs:1.2");
        assertThat(Invocation.launcher(" ", IN_JAR, WORK))
                .as("set but blank: as if not set")
                .isEqualTo("java -jar target/briefs.jar");
    }

    @Test
    void classesOnAClasspathGetTheDocumentedCommand() {
        assertThat(Invocation.launcher(null, "file:/home/ops/briefs/target/classes/", WORK))
                .isEqualTo(Invocation.DOCUMENTED);
        // A plain jar on a classpath is not one `java -jar` starts.
        assertThat(Invocation.launcher(null, "file:/home/ops/lib/briefs-classes.jar", WORK))
                .isEqualTo(Invocation.DOCUMENTED);
        assertThat(Invocation.launcher(null, null, WORK)).isEqualTo(Invocation.DOCUMENTED);
        assertThat(Invocation.launcher(null, "jar:http://example.org/briefs.jar!/", WORK))
                .isEqualTo(Invocation.DOCUMENTED);
    }

    @Test
    void anOrdinaryJarUrlIsReadToo() {
        assertThat(Invocation.jarOf("jar:file:/home/ops/briefs/target/briefs.jar!/BOOT-INF/classes!/"))
                .isEqualTo(Path.of("/home/ops/briefs/target/briefs.jar"));
    }

    @Test
    void underTheTestsTheHintsNameTheDocumentedCommand() {
        // The tests run from target/classes, and surefire leaves BRIEFS_COMMAND out: the messages they assert hold.
        assertThat(Invocation.command("models fetch opus-mt-en-uk"))
                .isEqualTo("java -jar target/briefs.jar models fetch opus-mt-en-uk");
    }
}
