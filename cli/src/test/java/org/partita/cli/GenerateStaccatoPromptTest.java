package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;

/** {@code partita generate --prompt-staccato}: a sketch written as text continued by a trained model. */
class GenerateStaccatoPromptTest {

    private static final String SKETCH = "T110 V0 I[Flute] C5q E5q G5q E5q | F5q A5q G5h | V9 [Bass_Drum]q "
            + "[Closed_Hi_Hat]q [Acoustic_Snare]q [Closed_Hi_Hat]q | [Bass_Drum]q [Closed_Hi_Hat]q [Acoustic_Snare]h";

    @TempDir
    Path dir;

    @Test
    void theSketchBecomesTheFirstBarsOfEveryPiece() throws Exception {
        Path out = dir.resolve("gen");
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", out.toString(),
                "--prompt-staccato", SKETCH, "--num", "2", "--max-bars", "4", "--max-tokens", "120", "--seed", "5",
                "--threads", "1");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("prompt: first 2 bars of the Staccato prompt, "), run.toString());
        Score piece = MidiReader.lenient().read(out.resolve("sample-000.mid")).score();
        long twoBars = piece.timeGrid().barStartTick(2);
        List<Note> flute = piece.tracks().stream().filter(t -> t.program() == 73).findFirst().orElseThrow().notes();
        List<String> opening = flute.stream().filter(n -> n.startTick() < twoBars)
                .map(n -> n.startTick() + ":" + n.pitch()).toList();
        // C5 = MIDI 60 in Staccato; the model may add notes after the sketch's last onset, never before
        assertTrue(opening.containsAll(List.of("0:60", "480:64", "960:67", "1440:64", "1920:65", "2400:69",
                "2880:67")), "the sketch's melody opens the piece: " + opening);
        assertTrue(piece.tracks().stream().anyMatch(t -> t.isDrum() && t.notes().stream()
                .anyMatch(n -> n.startTick() < twoBars && n.pitch() == 38)), "the sketch's snare");
    }

    @Test
    void aSyntaxErrorInThePromptIsABadInputWithACaret() {
        Run run = Run.partita("generate", "--model", dir.toString(), "--out", dir.toString(),
                "--prompt-staccato", "C5q D5k");

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("generate: the Staccato prompt: line 1, column 7: expected a duration"), run.toString());
        assertTrue(run.err().contains("          ^"), run.toString());
    }

    @Test
    void aBarLimitNotAboveTheSketchIsBadUsage() {
        Run run = Run.partita("generate", "--model", dir.toString(), "--out", dir.toString(),
                "--prompt-staccato", SKETCH, "--max-bars", "2");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--max-bars (2) must be more than the 2 bars of --prompt-staccato"), run.toString());
    }
}
