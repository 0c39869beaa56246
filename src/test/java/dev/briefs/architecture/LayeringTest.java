package dev.briefs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.briefs.bench.NightBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers docs/architecture.md describes, checked so that they cannot drift: the engine packages
 * know nothing of Spring, {@code model} and {@code inference} know nothing of each other, no two
 * packages need each other, a package uses its sub-packages, never the reverse, and the product needs no
 * benchmark.
 *
 * <p>The rules read the compiled classes (ArchUnit), and the last one the sources too: javac copies a
 * constant's value into the class that uses it, so a dependency through a {@code static final String}
 * leaves no trace in the bytecode (this is how {@code job} once needed {@code job.remote}).
 */
class LayeringTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.briefs");

    /** The packages that stay free of Spring, so they can be read, tested and reused on their own. */
    private static final String[] FREE_OF_SPRING = {
        "dev.briefs.generate..",
        "dev.briefs.eval..",
        "dev.briefs.check..",
        "dev.briefs.trust..",
        "dev.briefs.story..",
        "dev.briefs.optimum..",
        "dev.briefs.morphology..",
        "dev.briefs.style.."
    };

    /**
     * The project's own benchmarks ({@code bench-night}, {@code ScaleOutBench}, ...) live with the tests in
     * {@code dev.briefs.bench}, out of the jar: no product class may sit in that package or use one that
     * does, or the jar would ship them again, or fail without them. The operator's {@code bench} is
     * {@code cli.BenchCommand}, part of the product.
     */
    private static final ArchRule NO_BENCHMARK_IN_THE_PRODUCT = noClasses()
            .should()
            .resideInAPackage("dev.briefs.bench..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("dev.briefs.bench..")
            .because("benchmarks are test code, not shipped in briefs.jar (issue 20)");

    @Test
    void theProductNeedsNoBenchmark() {
        NO_BENCHMARK_IN_THE_PRODUCT.check(PRODUCT);
        // Not passing by looking at nothing: the same rule fails on a benchmark.
        assertThatThrownBy(() ->
                        NO_BENCHMARK_IN_THE_PRODUCT.check(new ClassFileImporter().importClasses(NightBench.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(NightBench.class.getName());
    }

    @Test
    void theEngineKnowsNothingOfSpringNorDjl() {
        noClasses()
                .that()
                .resideInAnyPackage(FREE_OF_SPRING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(PRODUCT);
        // The decoding engine: the JDK, and Jackson for generation_config.json; no DJL, no other package of ours.
        noClasses()
                .that()
                .resideInAPackage("dev.briefs.generate..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "dev.briefs.generate..", "tools.jackson..")
                .check(PRODUCT);
        // The house style runs where no model is installed: it neither loads nor calls one.
        noClasses()
                .that()
                .resideInAPackage("dev.briefs.style..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "dev.briefs.inference..", "dev.briefs.model..", "dev.briefs.generate..")
                .check(PRODUCT);
    }

    @Test
    void modelAndInferenceKnowNothingOfEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.briefs.model..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.briefs.inference..")
                .check(PRODUCT);
        noClasses()
                .that()
                .resideInAPackage("dev.briefs.inference..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.briefs.model..")
                .check(PRODUCT);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching("dev.briefs.(*)..").should().beFreeOfCycles().check(PRODUCT);
        slices().matching("dev.briefs.(**)").should().beFreeOfCycles().check(PRODUCT);
    }

    /**
     * The job's rooms, bottom up: {@code settings} (the job file, read and checked), {@code locks}, {@code wiring}
     * (the domain objects, one configuration a concern), {@code nightly} (the job and its steps), {@code rerun}
     * (which reuses the nightly steps' writers), {@code launch} (starting a run and reporting it), {@code remote}
     * (the manager and the workers). Each uses only those below it.
     */
    @Test
    void theJobsRoomsDependDownwardOnly() {
        String[] rooms = {"settings", "locks", "wiring", "nightly", "rerun", "launch", "remote"};
        for (int i = 0; i < rooms.length; i++) {
            for (int j = i + 1; j < rooms.length; j++) {
                noClasses()
                        .that()
                        .resideInAPackage("dev.briefs.job." + rooms[i] + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("dev.briefs.job." + rooms[j] + "..")
                        .check(PRODUCT);
            }
        }
        // The job file is read and checked before any Spring context exists (--help, usage errors, status).
        noClasses()
                .that()
                .resideInAPackage("dev.briefs.job.settings..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(PRODUCT);
    }

    /** Spring configuration lives in the job's rooms only: everything below it is plain objects, made by them. */
    @Test
    void onlyTheJobConfiguresSpring() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.briefs.job..")
                .should()
                .beAnnotatedWith("org.springframework.context.annotation.Configuration")
                .check(PRODUCT);
        noClasses()
                .that()
                .resideInAnyPackage("dev.briefs.job.settings..", "dev.briefs.job.locks..")
                .should()
                .beAnnotatedWith("org.springframework.context.annotation.Configuration")
                .check(PRODUCT);
    }

    @Test
    void aPackageUsesItsSubPackagesNeverTheReverse() throws IOException {
        Path root = Path.of("src/main/java/dev/briefs");
        Pattern reference = Pattern.compile("dev\\.briefs\\.([a-z.]+)\\.[A-Z]");
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('\\', '/');
                Matcher m = reference.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1).replace('.', '/');
                    if (pkg.startsWith(used + "/")) {
                        upward.add(file.getFileName() + ": " + pkg + " -> " + used);
                    }
                }
            }
        }
        assertThat(upward).as("sub-packages that use their parent").isEmpty();
    }
}
