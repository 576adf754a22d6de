package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.symbolic.npy.Npy;
import org.partita.symbolic.npy.NpyHeader;
import org.partita.symbolic.npy.Npz;
import picocli.CommandLine;

class PianorollCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cmd = new CommandLine(new PianorollCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    /** Two tracks over two bars of 4/4 at 480 ticks per quarter: 2 × 4 × 24 = 192 steps at 24 per quarter. */
    private Path twoTrackFile() throws IOException {
        Score score = new Score(480, List.of(
                Track.of("Melody", 73, false, List.of(new Note(0, 480, 72, 90), new Note(480, 480, 72, 80),
                        new Note(960, 2880, 76, 70))),
                Track.of("Drums", 0, true, List.of(new Note(0, 60, 36, 100), new Note(1920, 60, 38, 100)))),
                List.of(), List.of(new TimeSignature(0, 4, 4)), List.of(), List.of());
        Path midi = dir.resolve("two tracks.mid");
        MidiWriter.write(score, midi, 480);
        return midi;
    }

    @Test
    void writesNpzPngAndSvgAndSummarisesInOneLine() throws IOException {
        Path midi = twoTrackFile();
        Path npz = dir.resolve("roll.npz");
        Path png = dir.resolve("roll.png");
        Path svg = dir.resolve("roll.svg");
        Run r = run(midi.toString(), "--npz", npz.toString(), "--png", png.toString(), "--svg", svg.toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains("2 tracks, 192 steps at 24 per quarter, 5 notes"), r.out());
        assertTrue(r.out().contains("wrote " + npz), r.out());

        Map<String, byte[]> arrays = Npz.decode(Files.readAllBytes(npz));
        NpyHeader frame = Npy.readHeader(arrays.get("frame"));
        assertEquals("|u1", frame.descr());
        assertArrayEquals(new long[] {2, 192, 128}, frame.shape());
        assertArrayEquals(new int[] {73, 0}, Npy.readInt32(arrays.get("program")));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertNotNull(image, "PNG decodes");
        assertTrue(image.getWidth() >= 480 && image.getWidth() <= 2600, "width " + image.getWidth());
        assertTrue(image.getHeight() >= 150 && image.getHeight() <= 1000, "height " + image.getHeight());

        String svgText = Files.readString(svg);
        assertTrue(svgText.startsWith("<?xml") && svgText.strip().endsWith("</svg>"));
        assertTrue(svgText.contains("Melody · Flute (73)"), "legend names track and GM program");
    }

    @Test
    void stepsPerBeatSetsTheResolution() throws IOException {
        Run r = run(twoTrackFile().toString(), "--steps-per-beat", "4");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("32 steps at 4 per quarter"), r.out());
        assertTrue(r.out().contains("nothing written"), r.out());
    }

    @Test
    void fileThatIsNotMidiExitsThreeWithOneLine() throws IOException {
        Path bad = dir.resolve("bad.mid");
        Files.writeString(bad, "this is not a MIDI file");
        Path png = dir.resolve("bad.png");
        Run r = run(bad.toString(), "--png", png.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("pianoroll: cannot read " + bad), r.err());
        assertFalse(Files.exists(png));
    }

    @Test
    void missingFileExitsThree() {
        Run r = run(dir.resolve("absent.mid").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void stepsOutOfRangeIsBadUsage() throws IOException {
        Run r = run(twoTrackFile().toString(), "--steps-per-beat", "0");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("got 0"), r.err());
    }

    @Test
    void missingFileArgumentIsBadUsage() {
        assertEquals(2, run().exitCode());
    }
}
