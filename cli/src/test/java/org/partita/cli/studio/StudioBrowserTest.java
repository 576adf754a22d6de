package org.partita.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partita.cli.QuickDemo;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.midi.SharedData;
import org.partita.symbolic.Score;

/**
 * The studio page in a real Chromium (Debian's chromium + chromium-driver, which .ci/run installs): load, type a
 * sketch, continue, play, keep, download the MIDI and read it back; harmonise a melody with the shipped piano-roll
 * model; pick a chorale with the file picker and infill bars and voices chosen on the roll. Skipped, saying so,
 * where they are absent. The token model is the tiny one trained in this JVM, or {@code -Dpartita.studio.model=DIR}
 * (the demo model, to measure "continue pressed → first candidate playing"); harmonise uses
 * {@code -Dpartita.studio.gibbsSteps=N} Gibbs steps (default 32, to keep the test short; 0 = the CLI's default, to
 * measure "harmonise pressed → first candidate playing"). Times are printed, never asserted.
 */
class StudioBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SKETCH = "T100 V0 I[Piano] C5q D5q E5q G5q | A5q G5q E5h | F5q E5q D5q C5q | D5w";
    private static final String MELODY_2_BARS = "T100 V0 I[Flute] D5q D5q E5i F#5i G5q | A5q. G5i F#5h";
    private static final String MELODY_8_BARS = "T100 V0 I[Flute] D5q D5q E5i F#5i G5q | A5q. G5i F#5h | "
            + "E5q F#5q G5q E5q | D5h. Rq | B5q A5q G5q F#5q | E5q F#5i G5i A5h | G5q F#5q E5q C#5q | D5w";

    private static Path modelDir;
    private static StudioModel model;
    private static RollModels rolls;
    private static StudioServer server;
    private static Path downloads;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static JavascriptExecutor js;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.println("SKIPPED StudioBrowserTest: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                    + "(apt-get install chromium chromium-driver; .ci/run does it)");
            Assumptions.abort("no Chromium at " + CHROMIUM + " / " + CHROMEDRIVER);
        }
        String modelProperty = System.getProperty("partita.studio.model", "");
        modelDir = modelProperty.isBlank() ? QuickDemo.runDir() : Path.of(modelProperty);
        downloads = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "studio-downloads-");
        model = StudioModel.load(modelDir, 1, line -> { });
        rolls = RollModels.load(null, 1, line -> { });
        server = StudioServer.start(model, rolls, StudioServer.Settings.defaults().withPort(0));
        driver = chrome(downloads);
        wait = new WebDriverWait(driver, Duration.ofSeconds(240));
        js = driver;
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
            model.close();
            rolls.close();
        }
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Opens the page afresh (empty history) and waits for the example sketch and the server's health. */
    private static void openPage() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        driver.get(server.url());
        js.executeScript("localStorage.clear()");
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.cssSelector("#preview rect.note")).isEmpty());
        wait.until(d -> js.executeScript("return document.getElementById('status').textContent").toString()
                .contains("memorisation"));
    }

    @Test
    void aSketchIsContinuedPlayedKeptAndDownloaded() throws Exception {
        openPage();
        // first load: the built-in example is drawn, and the piano-roll model is there to harmonise it
        assertTrue(driver.findElement(By.id("harmonize")).isEnabled(), "health says the roll model is loaded");
        // a syntax error is shown at its column
        WebElement text = driver.findElement(By.id("staccato"));
        text.clear();
        text.sendKeys("T100 V0 C5q E5z");
        wait.until(d -> d.findElement(By.id("staccato-error")).isDisplayed());
        assertTrue(driver.findElement(By.id("staccato-error")).getText().contains("column 15"));
        // type the sketch: 4 bars, 12 notes
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), SKETCH);
        wait.until(d -> d.findElements(By.cssSelector("#preview rect.note")).size() == 12);
        setNumber("opt-bars", 4);
        setNumber("opt-candidates", 3);
        driver.findElement(By.id("continue")).click();
        wait.until(d -> d.findElements(By.cssSelector("#candidates .candidate")).size() == 3);
        WebElement first = driver.findElements(By.cssSelector("#candidates .candidate")).get(0);
        double duration = playFirst();
        printTimings("continue, " + modelDir + ", 4+4 bars, 3 candidates", duration);
        // keyboard: the arrow keys move the selection between candidates
        driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        assertEquals(1L, js.executeScript("return [...document.querySelectorAll('#candidates .candidate')]"
                + ".findIndex(c => c.classList.contains('selected'))"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
        // keep it: the history lists it; download its MIDI and read it back
        String id = first.getAttribute("data-id");
        Score back = keepAndDownload(first);
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
    }

    @Test
    void aMelodyIsHarmonisedPlayedKeptAndDownloadedInFourVoices() throws Exception {
        openPage();
        String steps = System.getProperty("partita.studio.gibbsSteps", "32");
        setNumber("opt-gibbs", Integer.parseInt(steps));
        harmonise(MELODY_8_BARS, 8, 1);
        printTimings("harmonise, 8 bars of melody, Gibbs steps " + steps + ", 1 candidate", playFirst());
        harmonise(MELODY_2_BARS, 2, 2);
        double duration = playFirst();
        printTimings("harmonise, 2 bars of melody, Gibbs steps " + steps + ", 2 candidates", duration);
        wait.until(d -> d.findElements(By.cssSelector("#candidates .candidate")).size() == 2);
        WebElement first = driver.findElements(By.cssSelector("#candidates .candidate")).get(0);
        assertTrue(first.findElement(By.cssSelector(".memo")).getText().contains("original")
                || first.findElement(By.cssSelector(".memo")).getText().contains("copies"), "a memorisation verdict");
        Score back = keepAndDownload(first);
        assertEquals(4, back.tracks().size(), "soprano, alto, tenor, bass");
        assertEquals(8, back.tracks().get(0).notes().size(), "the melody's 8 notes are the soprano");
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(Path.of("target", "studio-screenshot-harmonise.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aPickedChoraleIsInfilledInBarsAndVoicesChosenOnTheRoll() throws Exception {
        openPage();
        // the first four bars of a four-voice chorale from the shared corpus, given with the file picker
        Path file = SharedData.midiFiles(SharedData.dir("corpora/js_fakes/midi")).get(0);
        Score full = MidiReader.lenient().read(file).score();
        Path opening = downloads.resolve("chorale-opening.mid");
        MidiWriter.write(full.clipped(0, full.timeGrid().barStartTick(4)), opening, full.ticksPerQuarter());
        driver.findElement(By.id("midi-file")).sendKeys(opening.toAbsolutePath().toString());
        wait.until(d -> d.findElement(By.id("prompt-info")).getText().startsWith("chorale-opening.mid: "));
        assertTrue(driver.findElement(By.id("prompt-info")).getText().contains("4 bars, 4 tracks"),
                driver.findElement(By.id("prompt-info")).getText());
        wait.until(d -> d.findElement(By.id("infill")).isEnabled());
        // drag over bars 2 and 3 on the roll: the inputs follow and the region is drawn
        WebElement roll = driver.findElement(By.id("preview")); // the SVG inside is redrawn as the region moves
        int w = roll.getSize().getWidth();
        new Actions(driver).moveToElement(roll, (int) (-0.125 * w), 0).clickAndHold()
                .moveToElement(roll, (int) (0.125 * w), 0).release().perform();
        assertEquals("2", driver.findElement(By.id("infill-from")).getAttribute("value"));
        assertEquals("3", driver.findElement(By.id("infill-to")).getAttribute("value"));
        assertEquals(1, driver.findElements(By.cssSelector("#preview rect.region")).size());
        // keyboard: → moves the bars to 3-4, Shift+← makes it bar 3 alone, 3 toggles the tenor off
        WebElement preview = driver.findElement(By.id("preview"));
        preview.sendKeys(Keys.ARROW_RIGHT);
        preview.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        preview.sendKeys("3");
        assertEquals("3", driver.findElement(By.id("infill-from")).getAttribute("value"));
        assertEquals("3", driver.findElement(By.id("infill-to")).getAttribute("value"));
        assertEquals(Boolean.FALSE, js.executeScript("return document.getElementById('voice-3').checked"));
        assertTrue(driver.findElement(By.id("infill-info")).getText().contains("bars 3–3, voices A, B"),
                driver.findElement(By.id("infill-info")).getText());
        setNumber("opt-gibbs", 32);
        setNumber("opt-candidates", 2);
        driver.findElement(By.id("infill")).click();
        wait.until(d -> d.findElements(By.cssSelector("#candidates .candidate")).size() == 2
                && d.findElement(By.id("action-status")).getText().startsWith("2 candidates"));
        for (WebElement c : driver.findElements(By.cssSelector("#candidates .candidate"))) {
            assertEquals(1, c.findElements(By.cssSelector("rect.region")).size(), "the infilled bars are shown");
            assertTrue(c.findElement(By.cssSelector("h3")).getAttribute("title").contains("infill bars 3-3 voices [2, 4]"));
        }
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(Path.of("target", "studio-screenshot-infill.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void harmonise(String melody, int bars, int candidates) {
        WebElement text = driver.findElement(By.id("staccato"));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), melody);
        wait.until(d -> d.findElement(By.id("prompt-info")).getText().contains(bars + " bars"));
        setNumber("opt-candidates", candidates);
        wait.until(d -> d.findElement(By.id("harmonize")).isEnabled());
        driver.findElement(By.id("harmonize")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#candidates .candidate")).isEmpty());
    }

    /** Keeps {@code candidate} (the history lists it), downloads its MIDI file and reads it back. */
    private static Score keepAndDownload(WebElement candidate) throws Exception {
        String id = candidate.getAttribute("data-id");
        candidate.findElement(By.cssSelector("button.keep")).click();
        wait.until(d -> d.findElement(By.id("history")).getText().contains(id + ".mid"));
        candidate.findElement(By.cssSelector("a.download-mid")).click();
        Path mid = downloads.resolve("partita-" + id + ".mid");
        wait.until(d -> Files.isRegularFile(mid) && mid.toFile().length() > 0);
        return MidiReader.strict().read(mid).score();
    }

        /** Clicks Play on the first candidate; returns the duration the audio element reports. */
    private static double playFirst() {
        WebElement first = driver.findElements(By.cssSelector("#candidates .candidate")).get(0);
        first.findElement(By.cssSelector("button.play")).click();
        wait.until(d -> js.executeScript("return window.studioTimings.firstPlaying") != null);
        Object reported = js.executeScript("const d = document.getElementById('player').duration; "
                + "return Number.isFinite(d) ? d : String(d)");
        assertTrue(reported instanceof Number n && n.doubleValue() > 0, "the audio element reports a duration: "
                + reported);
        js.executeScript("document.getElementById('player').pause()");
        return ((Number) reported).doubleValue();
    }

    private static void printTimings(String what, double wavSeconds) {
        @SuppressWarnings("unchecked")
        Map<String, Number> t = (Map<String, Number>) js.executeScript("return window.studioTimings");
        double clicked = t.get("clicked").doubleValue();
        System.out.printf("studio browser timing (%s): click -> first candidate drawn %.2f s, -> first candidate "
                + "playing %.2f s (includes the click on play); WAV %.1f s%n", what,
                (t.get("candidatesShown").doubleValue() - clicked) / 1000,
                (t.get("firstPlaying").doubleValue() - clicked) / 1000, wavSeconds);
    }

    private static void setNumber(String id, int value) {
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
