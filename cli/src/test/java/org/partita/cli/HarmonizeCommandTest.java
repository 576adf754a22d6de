package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

class HarmonizeCommandTest {
    static final int TPQ = 480;

    /** A one-bar melody in quarters with a repeated note, on one track. */
    static Score melody() {
        List<Note> notes = new ArrayList<>();
        int[] pitches = {67, 67, 69, 71};
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(i * TPQ, TPQ, pitches[i], 90));
        }
        return Score.empty(TPQ).withTracks(List.of(Track.of("tune", 0, false, notes)));
    }

    @Test
    void shippedModelHarmonisesAMelodyKeepingItNoteForNote(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("tune.mid");
        MidiWriter.write(melody(), in, TPQ);
        Path out = dir.resolve("h.mid");
        Run r = Run.partita("harmonize", in.toString(), "--out", out.toString(), "--gibbs-steps", "4", "--seed", "3");
        assertEquals(0, r.exitCode(), r.toString());
        Score result = MidiReader.strict().read(out).score();
        assertEquals(4, result.tracks().size());
        List<Note> soprano = result.tracks().get(0).notes();
        assertEquals(4, soprano.size(), "the repeated G stays two notes");
        for (int i = 0; i < 4; i++) {
            assertEquals(melody().tracks().get(0).notes().get(i).pitch(), soprano.get(i).pitch());
            assertEquals(i * TPQ, soprano.get(i).startTick());
        }
        for (int v = 1; v < 4; v++) {
            for (Note n : result.tracks().get(v).notes()) {
                assertTrue(n.pitch() >= 36 && n.pitch() <= 81, "pitch " + n.pitch());
            }
        }
    }

    @Test
    void drumOnlyFileIsRefusedWithExitCode3AndOneLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("drums.mid");
        MidiWriter.write(Score.empty(TPQ).withTracks(List.of(Track.of("Drums", 0, true,
                List.of(new Note(0, 120, 36, 100))))), in, TPQ);
        Run r = Run.partita("harmonize", in.toString(), "--out", dir.resolve("h.mid").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no melody: the file has no non-drum track with notes"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aMelodyNarrowerThanTheRangeThatNoOctaveMoveFitsIsRefusedForThatReason(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("high.mid"); // 57..100: 44 pitches, but -12 gives 45..88 and -24 gives 33..76
        MidiWriter.write(Score.empty(TPQ).withTracks(List.of(Track.of("tune", 0, false,
                List.of(new Note(0, TPQ, 57, 90), new Note(TPQ, TPQ, 100, 90))))), in, TPQ);
        Run r = Run.partita("harmonize", in.toString(), "--out", dir.resolve("h.mid").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("span 57..100 (44 pitches), and no whole number of octaves moves them into "
                + "the model's range 36..81"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
