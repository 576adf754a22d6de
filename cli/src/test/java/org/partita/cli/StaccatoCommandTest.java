package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.midi.SharedData;
import org.partita.symbolic.Score;
import org.partita.symbolic.staccato.GridNote;

class StaccatoCommandTest {

    @TempDir
    Path dir;

    @Test
    void aCorpusFilePrintedAsStaccatoSketchesBackToTheSameNotesOnTheGrid() throws Exception {
        Path midi = SharedData.midiFiles(SharedData.dir("corpora/freedoom_music")).get(0);
        Run print = Run.partita("staccato", midi.toString(), "--grid", "48");
        assertEquals(0, print.exitCode(), print.err());
        assertTrue(print.out().lines().anyMatch(l -> l.startsWith("V9 ")), "a drum line");

        Path text = Files.writeString(dir.resolve("piece.txt"), print.out());
        Path back = dir.resolve("piece.mid");
        Run sketch = Run.partita("sketch", "--file", text.toString(), "--out", back.toString());
        assertEquals(0, sketch.exitCode(), sketch.toString());
        assertEquals("", sketch.err());

        Score original = MidiReader.lenient().read(midi).score();
        Score again = MidiReader.lenient().read(back).score();
        assertEquals(GridNote.byPart(original, 48), GridNote.byPart(again, 48));
    }

    @Test
    void writesToAFileWithOut() {
        Path midi = SharedData.midiFiles(SharedData.dir("corpora/js_fakes")).get(0);
        Path out = dir.resolve("chorale.txt");
        Run run = Run.partita("staccato", midi.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("wrote " + out + ": "), run.toString());
        assertTrue(Files.exists(out));
    }

    @Test
    void aFileThatIsNotMidiIsABadInput() throws Exception {
        Path notMidi = Files.writeString(dir.resolve("x.mid"), "not a midi file");
        Run run = Run.partita("staccato", notMidi.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("staccato: cannot read " + notMidi + ": at byte 0:"), run.toString());
    }

    @Test
    void aGridOfZeroIsBadUsage() {
        Run run = Run.partita("staccato", "x.mid", "--grid", "0");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--grid"), run.toString());
    }
}
