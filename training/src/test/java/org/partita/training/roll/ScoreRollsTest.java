package org.partita.training.roll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

class ScoreRollsTest {
    static final int TPQ = 480;

    static Score score(List<Note> notes) {
        return Score.empty(TPQ).withTracks(List.of(Track.of("melody", 0, false, notes)));
    }

    @Test
    void quantisesByBeatsWhateverTheTempoAndKeepsRepeatedNotesApart() {
        // two repeated quarter notes C5, then an eighth rest, then an eighth D5
        Score s = score(List.of(new Note(0, 480, 72, 90), new Note(480, 470, 72, 90), new Note(1200, 240, 74, 90)));
        VoiceRoll r = ScoreRolls.toRoll(s, List.of(0), 0).roll();
        assertEquals(12, r.stepCount());
        assertEquals(72, r.pitch(0, 4));
        assertTrue(r.onset(0, 4), "the repeated note starts again at step 4");
        assertEquals(VoiceRoll.REST, r.pitch(0, 8)); // the second note ends at tick 950 ≈ step 8
        Score back = ScoreRolls.toScore(r, s, List.of("S"), List.of(40), 80);
        List<Note> notes = back.tracks().get(0).notes();
        assertEquals(3, notes.size());
        assertEquals(new Note(0, 480, 72, 80), notes.get(0));
        assertEquals(new Note(480, 480, 72, 80), notes.get(1));
        assertEquals(new Note(1200, 240, 74, 80), notes.get(2));
    }

    @Test
    void chordsKeepTheirTopNoteAndAreCounted() {
        Score s = score(List.of(new Note(0, 480, 60, 90), new Note(0, 480, 64, 90), new Note(0, 480, 67, 90)));
        ScoreRolls.Conversion c = ScoreRolls.toRoll(s, List.of(0), 0);
        assertEquals(4, c.chordSteps());
        for (int t = 0; t < 4; t++) {
            assertEquals(67, c.roll().pitch(0, t));
        }
    }

    @Test
    void octaveShiftIsTheSmallestThatFitsOrNullWhenNoneDoes() {
        assertEquals(0, ScoreRolls.octaveShiftIntoRange(VoiceRoll.ofPitches(new int[][] {{60, 72}})));
        assertEquals(-12, ScoreRolls.octaveShiftIntoRange(VoiceRoll.ofPitches(new int[][] {{80, 86}})));
        assertEquals(24, ScoreRolls.octaveShiftIntoRange(VoiceRoll.ofPitches(new int[][] {{20, 30}})));
        assertNull(ScoreRolls.octaveShiftIntoRange(VoiceRoll.ofPitches(new int[][] {{30, 90}})));
    }

    @Test
    void heldCellsOfOnePitchMergeIntoOneNote() {
        VoiceRoll r = VoiceRoll.ofPitches(new int[][] {{60, 60, 60, VoiceRoll.REST, 62}});
        assertFalse(r.onset(0, 1));
        List<Note> notes = ScoreRolls.toScore(r, Score.empty(4), List.of("S"), List.of(0), 80).tracks().get(0).notes();
        assertEquals(List.of(new Note(0, 3, 60, 80), new Note(4, 1, 62, 80)), notes);
    }
}
