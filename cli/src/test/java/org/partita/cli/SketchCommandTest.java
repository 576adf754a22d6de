package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;

class SketchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSketchBecomesMidiWithThePianoAndTheDrums() throws Exception {
        Path out = dir.resolve("sketch.mid");
        Run run = Run.partita("sketch", "T120 V0 I[Piano] C5q E5q G5h | V9 [Bass_Drum]q Rq [Acoustic_Snare]q Rq",
                "--out", out.toString(), "--png");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("read the Staccato text: 5 notes in 1 bar, 2.0 s (V0 Piano: 3 notes, V9 Percussion: 2 notes)\n"
                + "wrote " + out + ", " + dir.resolve("sketch.png") + "\n",
                run.out().replace(System.lineSeparator(), "\n"));
        Score score = MidiReader.lenient().read(out).score();
        assertEquals(List.of(new Note(0, 480, 60, 64), new Note(480, 480, 64, 64), new Note(960, 960, 67, 64)),
                score.tracks().get(0).notes());
        assertTrue(score.tracks().get(1).isDrum());
        assertEquals(List.of(36, 38), score.tracks().get(1).notes().stream().map(Note::pitch).toList());
        assertTrue(Files.size(dir.resolve("sketch.png")) > 1000);
    }

    @Test
    void aSketchFromAFileWithABarThatDoesNotAddUpIsWrittenWithAWarning() throws Exception {
        Path file = Files.writeString(dir.resolve("idea.txt"), "# a waltz\nTIME:3/4 C5q D5q E5q | F5q G5q | A5h.\n");
        Run run = Run.partita("sketch", "--file", file.toString(), "--out", dir.resolve("idea.mid").toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("sketch: warning: " + file + ": line 2, column 32: voice 0 layer 0: bar 2 does "
                + "not add up"), run.toString());
        assertTrue(run.out().contains("6 notes in 3 bars"), run.toString());
    }

    @Test
    void aSyntaxErrorIsShownWithACaretUnderItsColumn() {
        Run run = Run.partita("sketch", "V0 C5q D5q E5z", "--out", dir.resolve("x.mid").toString());

        assertEquals(3, run.exitCode(), run.toString());
        String[] lines = run.err().split("\\R");
        assertTrue(lines[0].startsWith("sketch: the Staccato text: line 1, column 14: expected a duration"), run.toString());
        assertEquals("    V0 C5q D5q E5z", lines[1]);
        assertEquals("                 ^", lines[2]);
        assertTrue(Files.notExists(dir.resolve("x.mid")));
    }

    @Test
    void textAndFileTogetherIsBadUsage() {
        Run run = Run.partita("sketch", "C5q", "--file", "x.txt", "--out", dir.resolve("x.mid").toString());

        assertEquals(2, run.exitCode(), run.toString());
    }
}
