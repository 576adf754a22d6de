package org.partita.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partita.cli.QuickDemo;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;

/**
 * The studio page in a real Chromium (Debian's chromium + chromium-driver, which .ci/run installs): load, type a
 * sketch, continue, play, keep, download the MIDI and read it back. Skipped, saying so, where they are absent.
 * The model is the tiny one trained in this JVM, or {@code -Dpartita.studio.model=DIR} (the demo model, to measure
 * "continue pressed → first candidate playing"; the time is printed, never asserted).
 */
class StudioBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SKETCH = "T100 V0 I[Piano] C5q D5q E5q G5q | A5q G5q E5h | F5q E5q D5q C5q | D5w";

    @Test
    void aSketchIsContinuedPlayedKeptAndDownloaded() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.println("SKIPPED StudioBrowserTest: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                    + "(apt-get install chromium chromium-driver; .ci/run does it)");
            Assumptions.abort("no Chromium at " + CHROMIUM + " / " + CHROMEDRIVER);
        }
        String modelProperty = System.getProperty("partita.studio.model", "");
        Path modelDir = modelProperty.isBlank() ? QuickDemo.runDir() : Path.of(modelProperty);
        Path downloads = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "studio-downloads-");
        try (StudioModel model = StudioModel.load(modelDir, 1, line -> { });
             StudioServer server = StudioServer.start(model, null, StudioServer.Settings.defaults().withPort(0))) {
            ChromeDriver driver = chrome(downloads);
            try {
                run(driver, server, downloads, modelDir);
            } finally {
                driver.quit();
            }
        }
    }

    private static void run(ChromeDriver driver, StudioServer server, Path downloads, Path modelDir) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        JavascriptExecutor js = driver;
        driver.get(server.url());
        // first load: the built-in example is drawn
        wait.until(d -> !d.findElements(By.cssSelector("#preview rect.note")).isEmpty());
        assertTrue(driver.findElement(By.id("harmonize")).getText().contains("coming"));
        // a syntax error is shown at its column
        WebElement text = driver.findElement(By.id("staccato"));
        text.clear();
        text.sendKeys("T100 V0 C5q E5z");
        wait.until(d -> d.findElement(By.id("staccato-error")).isDisplayed());
        assertTrue(driver.findElement(By.id("staccato-error")).getText().contains("column 15"));
        // type the sketch: 4 bars, 12 notes
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), SKETCH);
        wait.until(d -> d.findElements(By.cssSelector("#preview rect.note")).size() == 12);
        setNumber(driver, "opt-bars", 4);
        setNumber(driver, "opt-candidates", 3);
        driver.findElement(By.id("continue")).click();
        wait.until(d -> d.findElements(By.cssSelector("#candidates .candidate")).size() == 3);
        WebElement first = driver.findElements(By.cssSelector("#candidates .candidate")).get(0);
        first.findElement(By.cssSelector("button.play")).click();
        wait.until(d -> js.executeScript("return window.studioTimings.firstPlaying") != null);
        Object reported = js.executeScript("const d = document.getElementById('player').duration; "
                + "return Number.isFinite(d) ? d : String(d)");
        assertTrue(reported instanceof Number n && n.doubleValue() > 0, "the audio element reports a duration: "
                + reported);
        double duration = ((Number) reported).doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Number> t = (Map<String, Number>) js.executeScript("return window.studioTimings");
        double toCandidates = (t.get("candidatesShown").doubleValue() - t.get("continueClicked").doubleValue()) / 1000;
        double toSound = (t.get("firstPlaying").doubleValue() - t.get("continueClicked").doubleValue()) / 1000;
        System.out.printf("studio browser timing (%s, 4+4 bars, 3 candidates): continue -> candidates %.2f s, "
                + "-> first candidate playing %.2f s (includes the click on play); WAV %.1f s%n",
                modelDir, toCandidates, toSound, duration);
        // keyboard: the arrow keys move the selection between candidates
        driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        assertEquals(1L, js.executeScript("return [...document.querySelectorAll('#candidates .candidate')]"
                + ".findIndex(c => c.classList.contains('selected'))"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
        // keep it: the history lists it; download its MIDI and read it back
        String id = first.getAttribute("data-id");
        first.findElement(By.cssSelector("button.keep")).click();
        wait.until(d -> d.findElement(By.id("history")).getText().contains(id + ".mid"));
        first.findElement(By.cssSelector("a.download-mid")).click();
        Path mid = downloads.resolve("partita-" + id + ".mid");
        wait.until(d -> Files.isRegularFile(mid) && mid.toFile().length() > 0);
        Score back = MidiReader.strict().read(mid).score();
        long drawn = (Long) js.executeScript("return document.querySelector('#candidates .candidate')"
                + ".querySelectorAll('rect.note').length");
        assertEquals(drawn, back.noteCount(), "the downloaded MIDI holds the notes drawn");
        js.executeScript("window.scrollTo(0, 0)");
        Path shot = Path.of("target", "studio-screenshot.png");
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("studio screenshot: " + shot.toAbsolutePath());
        // discard the second candidate: two are left, and the third's buttons still act on the third
        WebElement third = driver.findElements(By.cssSelector("#candidates .candidate")).get(2);
        driver.findElements(By.cssSelector("#candidates .candidate")).get(1).findElement(By.cssSelector("button.discard"))
                .click();
        assertEquals(2, driver.findElements(By.cssSelector("#candidates .candidate")).size());
        third.findElement(By.cssSelector("button.keep")).click();
        wait.until(d -> d.findElement(By.id("history")).getText().contains(third.getAttribute("data-id") + ".mid"));
        // use as prompt: the candidate becomes the sketch that Continue extends
        first.findElement(By.cssSelector("button.use")).click();
        wait.until(d -> d.findElement(By.id("prompt-info")).getText().startsWith("candidate " + id));
        // tablet width: one column, nothing wider than the window
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        assertEquals(Boolean.TRUE, js.executeScript("return document.documentElement.scrollWidth <= "
                + "document.documentElement.clientWidth"), "no sideways scrolling at tablet width");
        Files.write(Path.of("target", "studio-screenshot-tablet.png"), driver.getScreenshotAs(OutputType.BYTES));
        try (Stream<Path> files = Files.list(downloads)) {
            files.forEach(p -> p.toFile().delete());
        }
    }

    private static void setNumber(ChromeDriver driver, String id, int value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(String.valueOf(value));
    }

    /** Headless Chromium as root with no network lookups (ENVIRONMENT.md, java-maven.md), downloads to a folder. */
    private static ChromeDriver chrome(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--window-size=1280,800",
                "--user-data-dir=" + downloads.resolve("profile").toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }
}
