package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The digest page as an editor meets it, in a real headless Chromium: the day made by the run
 * command from the shipped sample articles, read on a 360-pixel phone and on a 1280-pixel desk,
 * in the light and the dark theme, and printed.
 * The browser and its driver are the system's, named explicitly, so Selenium Manager never runs
 * and nothing is downloaded. Screenshots are left in target/screenshots.
 */
class DigestBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String DATE = "2026-11-20";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path root;

    static Path page;
    static List<Brief> briefs;

    @BeforeAll
    static void runTheSampleDay() throws IOException {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            assumeTrue(
                    Files.isExecutable(p),
                    p + " is missing: install Chromium and its driver "
                            + "(Debian: apt-get install chromium chromium-driver) to run the browser test");
        }
        TestJobs.inputWithSamples(root, DATE);
        Path job = TestJobs.write(root, "");
        // A summariser that is not installed, so that the page also shows briefs marked degraded.
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        // One direction's model (the tiny one: its text is noise), and a confidence no model reaches: the English
        // articles' Ukrainian briefs are doubtful, the Ukrainian articles' English ones fail.
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        Files.writeString(job, Files.readString(job) + "checks:\n  min-confidence: 0\n");
        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);
        Path out = TestJobs.outputDir(root, DATE);
        page = out.resolve(BriefFiles.DIGEST_HTML);
        assertThat(page).as(run.err()).exists();
        briefs = BriefFiles.readAll(out);
        assertThat(briefs).hasSize(4);
        assertThat(briefs)
                .flatExtracting(b -> b.briefs().values())
                .filteredOn(Brief.LanguageBrief::hasDoubts)
                .hasSize(2);
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void onAPhoneEveryBriefIsReadableWithoutScrollingSideways() throws IOException {
        WebDriver browser = open(360, 780, true);
        try {
            assertThat(script(browser, "return window.innerWidth")).isEqualTo(360L);
            everyBriefIsShown(browser);
            assertThat((Long) script(browser, "return document.documentElement.scrollWidth"))
                    .as("no horizontal scroll at 360 px")
                    .isLessThanOrEqualTo((Long) script(browser, "return document.documentElement.clientWidth"));
            List<WebElement> langs =
                    browser.findElements(By.cssSelector("article.story")).get(0).findElements(By.cssSelector(".lang"));
            assertThat(langs.get(1).getRect().getY())
                    .as("languages stacked")
                    .isGreaterThanOrEqualTo(langs.get(0).getRect().getY()
                            + langs.get(0).getRect().getHeight());
            screenshot(browser, "digest-phone.png");
            noConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void onADeskTheLanguagesStandSideBySideAndTheLinksLeadToTheSources() throws IOException {
        WebDriver browser = open(1280, 900, false);
        try {
            everyBriefIsShown(browser);
            for (WebElement story : browser.findElements(By.cssSelector("article.story"))) {
                List<WebElement> langs = story.findElements(By.cssSelector(".lang"));
                Rectangle first = langs.get(0).getRect();
                Rectangle second = langs.get(1).getRect();
                assertThat(second.getY()).as("side by side").isEqualTo(first.getY());
                assertThat(second.getX()).isGreaterThanOrEqualTo(first.getX() + first.getWidth());
            }
            List<String> expected = new ArrayList<>();
            for (Brief b : briefs) {
                if (b.source().url() != null) {
                    expected.add(b.source().url());
                }
                expected.addAll(b.source().links());
            }
            List<WebElement> links = browser.findElements(By.cssSelector("a"));
            assertThat(links)
                    .extracting(a -> a.getDomAttribute("href"))
                    .containsExactlyInAnyOrderElementsOf(expected)
                    .allMatch(href -> href.startsWith("https://") || href.startsWith("http://"));
            assertThat(links).allSatisfy(a -> {
                assertThat(a.isDisplayed()).isTrue();
                assertThat(a.getText()).isEqualTo(a.getDomAttribute("href"));
            });
            screenshot(browser, "digest-desktop.png");
            // Tall enough to hold the whole day, for the screenshot.
            long height = (Long) script(browser, "return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 4000)));
            screenshot(browser, "digest-desktop-full.png");
            noConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    /** Text a reader reads: headings, the briefs, their details. */
    private static final List<String> BODY_TEXT = List.of(
            "h1",
            ".counts .total",
            ".models li",
            "h2",
            ".meta",
            ".sources h3",
            ".members li",
            ".lang h3",
            ".lang .text",
            ".model",
            ".checks");
    /** What says how a brief went. */
    private static final List<String> STATUS_MARKS = List.of(
            ".mark.ok",
            ".mark.partial",
            ".mark.failed",
            ".mark.degraded",
            ".problem.failed",
            ".degradations li",
            ".mark.doubtful",
            ".doubts li");

    @Test
    void inTheDarkThemeThePageIsDarkItsTextLightAndEveryTextReadable() throws IOException {
        ChromeDriver browser = open(1280, 900, false);
        try {
            emulate(browser, "screen", "dark");
            everyBriefIsShown(browser);
            assertThat(colour(browser, "body", "background-color").luminance())
                    .as("dark page")
                    .isLessThan(0.05);
            assertThat(colour(browser, ".story", "background-color").luminance())
                    .as("dark cards")
                    .isLessThan(0.05);
            assertThat(colour(browser, "body", "color").luminance())
                    .as("light text")
                    .isGreaterThan(0.6);
            everyTextIsReadable(browser);
            screenshot(browser, "digest-desktop-dark.png");
            noConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void inTheLightThemeThePageIsLightItsTextDarkAndEveryTextReadable() {
        ChromeDriver browser = open(1280, 900, false);
        try {
            emulate(browser, "screen", "light");
            assertThat(colour(browser, "body", "background-color").luminance())
                    .as("light page")
                    .isGreaterThan(0.85);
            assertThat(colour(browser, "body", "color").luminance())
                    .as("dark text")
                    .isLessThan(0.05);
            everyTextIsReadable(browser);
        } finally {
            browser.quit();
        }
    }

    /**
     * What the print style sheet promises, whichever theme the reader's screen is in: black on white
     * with no tinted backgrounds, links underlined with their address as their text, a story never
     * split across pages, and nothing wider than an A4 page's printable width (about 718 CSS pixels
     * inside Chromium's default margins).
     */
    @Test
    void printedThePageIsBlackOnWhiteWithTheLinksAddressesAndNothingCutOff() {
        ChromeDriver browser = open(1280, 900, false);
        try {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 718, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
            for (String screenTheme : List.of("light", "dark")) {
                emulate(browser, "print", screenTheme);
                assertThat(colour(browser, "body", "background-color"))
                        .as(screenTheme)
                        .isEqualTo(WHITE);
                assertThat(colour(browser, ".story", "background-color"))
                        .as(screenTheme)
                        .isEqualTo(WHITE);
                for (String selector : BODY_TEXT) {
                    assertThat(PageColours.of(browser, selector))
                            .as(screenTheme + " " + selector)
                            .allSatisfy(seen -> assertThat(seen.background()).isEqualTo(WHITE))
                            .allSatisfy(seen ->
                                    assertThat(seen.foreground().luminance()).isLessThan(0.05));
                }
                for (String selector : STATUS_MARKS) {
                    assertThat(PageColours.of(browser, selector))
                            .as(screenTheme + " " + selector + ": no tint")
                            .allSatisfy(seen -> assertThat(seen.background()).isEqualTo(WHITE))
                            .allSatisfy(
                                    seen -> assertThat(seen.contrast()).isGreaterThanOrEqualTo(PageColours.AA_TEXT));
                }
                List<WebElement> links = browser.findElements(By.cssSelector("a"));
                assertThat(links).as(screenTheme).isNotEmpty().allSatisfy(a -> {
                    assertThat(a.getText()).as("the address is printed").isEqualTo(a.getDomAttribute("href"));
                    assertThat(a.getCssValue("text-decoration-line")).isEqualTo("underline");
                    assertThat(PageColours.Colour.parse(a.getCssValue("color"))).isEqualTo(BLACK);
                });
                assertThat(PageColours.style(browser, ".story", "break-inside")).isEqualTo("avoid");
                assertThat(script(browser, "return document.documentElement.clientWidth"))
                        .isEqualTo(718L);
                assertThat(script(browser, OVERFLOWING))
                        .as(screenTheme + ": elements past the page's right edge")
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .isEmpty();
            }
            noConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    private static final PageColours.Colour WHITE = new PageColours.Colour(255, 255, 255);
    private static final PageColours.Colour BLACK = new PageColours.Colour(0, 0, 0);

    /** Elements that reach past the page's width, or before its left edge: cut off on paper. */
    private static final String OVERFLOWING = """
            const width = document.documentElement.clientWidth;
            const out = [];
            if (document.documentElement.scrollWidth > width) out.push('document ' + document.documentElement.scrollWidth);
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
                out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
              }
            }
            return out;
            """;

    private static void everyTextIsReadable(WebDriver browser) {
        for (String shown : List.of(".mark.failed", ".mark.degraded", ".mark.doubtful", ".doubts li", ".checks")) {
            assertThat(PageColours.of(browser, shown))
                    .as(shown + " is on the page, so its contrast is checked")
                    .isNotEmpty();
        }
        for (String selector : concat(BODY_TEXT, List.of("a"), STATUS_MARKS)) {
            assertThat(PageColours.of(browser, selector))
                    .allSatisfy(seen -> assertThat(seen.contrast())
                            .as("%s '%s': %s on %s", selector, seen.text(), seen.foreground(), seen.background())
                            .isGreaterThanOrEqualTo(PageColours.AA_TEXT));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static PageColours.Colour colour(WebDriver browser, String selector, String property) {
        return PageColours.Colour.parse(PageColours.style(browser, selector, property));
    }

    /** As Chromium's DevTools "Rendering" panel does it: the media type and the reader's theme. */
    private static void emulate(ChromeDriver browser, String media, String colorScheme) {
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "media",
                        media,
                        "features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
        assertThat(script(
                        browser,
                        "return matchMedia('(prefers-color-scheme: " + colorScheme + ")').matches" + " && matchMedia('"
                                + media + "').matches"))
                .as(media + ", " + colorScheme + " emulated")
                .isEqualTo(true);
    }

    private static void everyBriefIsShown(WebDriver browser) {
        String visible = browser.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
        assertThat(visible).contains("Briefs for " + DATE).contains("4 articles");
        for (Brief b : briefs) {
            assertThat(visible).contains(b.title() != null ? b.title() : b.id());
            b.briefs().forEach((lang, lb) -> {
                if (lb.ok()) {
                    assertThat(visible)
                            .as(b.id() + " " + lang)
                            .contains(lb.text().replaceAll("\\s+", " "));
                } else {
                    assertThat(visible).as(b.id() + " " + lang).contains("Failed: " + lb.error());
                }
            });
            b.degraded().forEach(d -> assertThat(visible).contains(d.detail()));
        }
    }

    private static ChromeDriver open(int width, int height, boolean phone) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height);
        if (phone) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of(
                                    "width",
                                    width,
                                    "height",
                                    height,
                                    "pixelRatio",
                                    1.0,
                                    "mobile",
                                    true,
                                    "touch",
                                    true)));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.get(page.toUri().toString());
        return browser;
    }

    private static Object script(WebDriver browser, String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static void noConsoleErrors(WebDriver browser) {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries)
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogEntry::getMessage)
                .isEmpty();
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
