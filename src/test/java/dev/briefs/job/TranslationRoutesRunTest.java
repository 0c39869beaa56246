package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night with Russian and Polish articles, the tiny models installed under the catalog's names and the
 * shipped catalog beside them: each language brief records the route that made it, and a language no
 * installed model reaches is one failed part of its brief, naming the models that would fix it, never a
 * failed night; rerun-failed completes it once such a model is there.
 */
class TranslationRoutesRunTest {

    private static final String DATE = "2026-11-20";
    private static final String RUSSIAN = """
            date 2026-11-20
            Порт в Черноморске в четверг возобновил работу зернового терминала после трёх недель ремонта, сообщила \
            областная администрация. Инженеры работали в три смены, чтобы заменить конвейеры.

            Первое судно у отремонтированного причала приняло двадцать восемь тысяч тонн пшеницы для Египта.
            """;
    private static final String POLISH = """
            date 2026-11-20
            Nocny pociąg z Kijowa do Warszawy wraca do rozkładu jazdy od czternastego grudnia, poinformowały koleje. \
            Bilety będzie można kupić w kasach i przez internet od przyszłego tygodnia.

            Podróż potrwa około szesnastu godzin, a skład będzie miał wagony sypialne i wagon restauracyjny.
            """;

    @TempDir
    Path root;

    private Path job(String extra) throws IOException {
        Path input = TestJobs.inputDir(root, DATE);
        Files.writeString(input.resolve("port-ru.txt"), RUSSIAN);
        Files.writeString(input.resolve("train-pl.txt"), POLISH);
        Path models = root.resolve("models");
        Files.createDirectories(models);
        Files.copy(Path.of("models", "catalog.yaml"), models.resolve("catalog.yaml"));
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        // Any tiny Marian model stands in for the Russian one: its text is meaningless, the route is real.
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-ru-en");
        return TestJobs.write(root, extra);
    }

    @Test
    void aRussianBriefRecordsItsPivotAndAPolishOneWithoutRouteFailsUntilItsModelIsThere() throws IOException {
        Path job = job("");
        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SOME_FAILED);
        Path out = TestJobs.outputDir(root, DATE);
        Brief ru = BriefFiles.read(out, "port-ru");
        assertThat(ru.language()).isEqualTo("ru");
        assertThat(ru.status()).isEqualTo(Brief.OK);
        Brief.LanguageBrief uk = ru.briefs().get("uk");
        assertThat(uk.route()).isEqualTo("pivot");
        assertThat(uk.models())
                .containsExactly(
                        new Brief.ModelUse("opus-mt-ru-en", "unverified"),
                        new Brief.ModelUse("opus-mt-en-uk", "unverified"));
        assertThat(uk.model()).isEqualTo("opus-mt-en-uk");
        Brief.LanguageBrief en = ru.briefs().get("en");
        assertThat(uk.chunks().total())
                .as("the English leg's chunks counted after those of the direct translation's")
                .isGreaterThan(en.chunks().total());
        assertThat(en.route()).isEqualTo("direct");
        assertThat(en.models()).containsExactly(new Brief.ModelUse("opus-mt-ru-en", "unverified"));
        assertThat(Files.readString(out.resolve("port-ru.md")))
                .contains("Models: opus-mt-ru-en, then opus-mt-en-uk (pivot through English)");
        assertThat(Files.readString(out.resolve("port-ru.json"))).contains("\"route\" : \"pivot\"");

        Brief pl = BriefFiles.read(out, "train-pl");
        assertThat(pl.language()).isEqualTo("pl");
        assertThat(pl.status()).as("summarised; only its translations failed").isEqualTo(Brief.PARTIAL);
        assertThat(pl.briefs()).as("the brief languages; Polish is not one").containsOnlyKeys("uk", "en");
        assertThat(pl.briefs().get("uk").error())
                .isEqualTo("no model translates pl to uk: install opus-mt-pl-en (with the"
                        + " installed opus-mt-en-uk: a pivot through English) or nllb-200-distilled-600M (one model for many"
                        + " languages): java -jar target/briefs.jar models fetch opus-mt-pl-en");
        assertThat(pl.briefs().get("uk").route()).isNull();
        assertThat(pl.briefs().get("en").error()).startsWith("no model translates pl to en: install opus-mt-pl-en or ");
        assertThat(Files.readString(out.resolve("train-pl.json")))
                .as("no route, nothing recorded of one")
                .doesNotContain("\"route\"");

        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
        assertThat(JobRunner.inspect(settings, RunHistory::of).failures())
                .filteredOn(LedgerEntry::open)
                .extracting(LedgerEntry::articleId, LedgerEntry::stage, LedgerEntry::language, LedgerEntry::errorType)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("train-pl", "translate", "uk", "NoRoute"),
                        Tuple.tuple("train-pl", "translate", "en", "NoRoute"));
        assertThat(run.out())
                .contains("fix: java -jar target/briefs.jar models fetch opus-mt-pl-en && "
                        + "java -jar target/briefs.jar rerun-failed --date " + DATE);
        assertThat(run.err())
                .doesNotContain("\tat ")
                .as("a model a route may take is checked before the run, though the job file does not name it")
                .contains("model opus-mt-ru-en in " + root.resolve("models").resolve("opus-mt-ru-en")
                        + " has no manifest");

        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-pl-en");
        CommandResult rerun = CommandResult.run("rerun-failed", job.toString(), "--date", DATE);
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(ExitCodes.OK);
        Brief done = BriefFiles.read(out, "train-pl");
        assertThat(done.status()).isEqualTo(Brief.OK);
        assertThat(done.briefs().get("uk").models())
                .extracting(Brief.ModelUse::model)
                .containsExactly("opus-mt-pl-en", "opus-mt-en-uk");
        assertThat(BriefFiles.read(out, "port-ru")).as("untouched by the rerun").isEqualTo(ru);
    }

    @Test
    void theJobFileForcesARouteAndADirectModelComesBeforeAMultilingualOne() throws IOException {
        Path job = job("");
        TinyModels.install("tiny-nllb", root.resolve("models"), "nllb-200-distilled-600M");
        Files.writeString(
                job, Files.readString(job).replace("  translate:\n", "  routes:\n    ru-uk: pivot\n  translate:\n"));
        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        Path out = TestJobs.outputDir(root, DATE);
        Brief ru = BriefFiles.read(out, "port-ru");
        assertThat(ru.briefs().get("uk").route())
                .as("forced, though NLLB is installed")
                .isEqualTo("pivot");
        assertThat(ru.briefs().get("en").route()).isEqualTo("direct");
        assertThat(ru.briefs().get("en").model()).isEqualTo("opus-mt-ru-en");
        Brief pl = BriefFiles.read(out, "train-pl");
        assertThat(pl.briefs().get("uk").route()).isEqualTo("multilingual");
        assertThat(pl.briefs().get("uk").model()).isEqualTo("nllb-200-distilled-600M");
        assertThat(Files.readString(out.resolve("train-pl.md")))
                .contains("Model: nllb-200-distilled-600M (multilingual)");
        assertThat(Files.readString(out.resolve("digest.html")))
                .as("the day's models")
                .contains("<li><bdi>opus-mt-ru-en</bdi>")
                .contains("<li><bdi>opus-mt-en-uk</bdi>")
                .contains("<li><bdi>nllb-200-distilled-600M</bdi>");
    }
}
