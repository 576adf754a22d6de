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
import org.partita.training.roll.RollGrid;
import org.partita.training.roll.ScoreRolls;
import org.partita.training.roll.VoiceRoll;

class InfillCommandTest {
    static final int TPQ = 480;
    static final int STEPS_PER_BAR = 16;

    /** Four bars of a C major chorale texture in quarters: I IV V I per bar, soprano first. */
    static Score chorale() {
        int[][] chords = {{72, 67, 64, 48}, {72, 69, 65, 53}, {71, 67, 62, 55}, {72, 67, 64, 48}};
        String[] names = {"Soprano", "Alto", "Tenor", "Bass"};
        List<Track> tracks = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            List<Note> notes = new ArrayList<>();
            for (int beat = 0; beat < 16; beat++) {
                notes.add(new Note((long) beat * TPQ, TPQ, chords[beat % 4][v], 80));
            }
            tracks.add(Track.of(names[v], v, false, notes));
        }
        return Score.empty(TPQ).withTracks(tracks);
    }

    static VoiceRoll roll(Score s) {
        return ScoreRolls.toRoll(s, ScoreRolls.noteTracks(s), 0).roll();
    }

    @Test
    void onlyTheChosenBarsOfTheChosenVoicesChange(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("chorale.mid");
        MidiWriter.write(chorale(), in, TPQ);
        Path out = dir.resolve("infilled.mid");
        Run r = Run.partita("infill", in.toString(), "--bars", "2-3", "--voices", "2,3", "--gibbs-steps", "16",
                "--seed", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("bars 2-3, voices 2,3, seed 5"), r.out());
        VoiceRoll before = roll(chorale());
        VoiceRoll after = roll(MidiReader.strict().read(out).score());
        assertEquals(4, after.voiceCount());
        assertEquals(before.stepCount(), after.stepCount());
        int from = STEPS_PER_BAR;
        int to = 3 * STEPS_PER_BAR;
        for (int v = 0; v < 4; v++) {
            for (int t = 0; t < before.stepCount(); t++) {
                boolean chosen = (v == 1 || v == 2) && t >= from && t < to;
                if (chosen) {
                    int p = after.pitch(v, t);
                    assertTrue(p == VoiceRoll.REST || RollGrid.inRange(p), "voice " + (v + 1) + " step " + t + ": " + p);
                } else {
                    assertEquals(before.pitch(v, t), after.pitch(v, t), "kept cell: voice " + (v + 1) + " step " + t);
                    assertEquals(before.onset(v, t), after.onset(v, t), "kept onset: voice " + (v + 1) + " step " + t);
                }
            }
        }
    }

    @Test
    void barsOutsideThePieceAreRefusedWithExitCode3AndOneLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("chorale.mid");
        MidiWriter.write(chorale(), in, TPQ);
        Run r = Run.partita("infill", in.toString(), "--bars", "5-6", "--out", dir.resolve("x.mid").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bars 5-6 outside the piece (bars 1-4)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
