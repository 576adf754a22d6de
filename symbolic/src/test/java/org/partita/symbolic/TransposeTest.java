package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransposeTest {

    private static final Track DRUMS = Track.of("Drums", 0, true, List.of(new Note(0, 60, 36, 100), new Note(0, 60, 127, 90)));
    private static final Track LEAD = new Track("Lead", 73, false,
            List.of(new Note(0, 480, 60, 90), new Note(480, 0, 125, 80)),
            List.of(new ControlChange(10, 64, 127)), List.of(new PitchBend(20, 100)));

    private static Score score() {
        return Score.empty(480).withTracks(List.of(DRUMS, LEAD))
                .withTempos(List.of(new TempoChange(0, 400_000)));
    }

    @Test
    void transposeMovesMelodicNotesAndLeavesDrumsAlone() {
        Score up = score().transposed(2);
        assertEquals(DRUMS, up.tracks().get(0));
        assertEquals(List.of(new Note(0, 480, 62, 90), new Note(480, 0, 127, 80)), up.tracks().get(1).notes());
        assertEquals(LEAD.controls(), up.tracks().get(1).controls());
        assertEquals(LEAD.pitchBends(), up.tracks().get(1).pitchBends());
        assertEquals(score().tempos(), up.tempos());
    }

    @Test
    void transposeDownThenUpRestoresTheScore() {
        assertEquals(score(), score().transposed(-12).transposed(12));
    }

    @Test
    void transposeByZeroReturnsTheSameScore() {
        Score s = score();
        assertSame(s, s.transposed(0));
    }

    @Test
    void noteLeavingRangeFailsNamingNoteTrackAndResult() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> score().transposed(3));
        String m = e.getMessage();
        assertTrue(m.contains("pitch=125"), m);
        assertTrue(m.contains("track 1 'Lead'"), m);
        assertTrue(m.contains("pitch 128"), m);
        assertTrue(m.contains("+3"), m);
    }

    @Test
    void dropPolicyLeavesOutNotesThatWouldLeaveRange() {
        Score up = score().transposed(3, OutOfRangePolicy.DROP);
        assertEquals(List.of(new Note(0, 480, 63, 90)), up.tracks().get(1).notes());
        assertEquals(DRUMS, up.tracks().get(0));
        Score down = score().transposed(-61, OutOfRangePolicy.DROP);
        assertEquals(List.of(new Note(480, 0, 64, 80)), down.tracks().get(1).notes());
    }

    @Test
    void hugeShiftDoesNotOverflow() {
        assertThrows(IllegalArgumentException.class, () -> score().transposed(Integer.MAX_VALUE));
        assertEquals(List.of(), score().transposed(Integer.MIN_VALUE, OutOfRangePolicy.DROP).tracks().get(1).notes());
    }

    @Test
    void emptyScoreTransposesToItself() {
        assertEquals(Score.empty(96), Score.empty(96).transposed(5));
    }
}
