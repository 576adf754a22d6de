package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergeByProgramTest {

    private static final Track PIANO_A = new Track("Piano A", 0, false, List.of(new Note(0, 480, 60, 90)),
            List.of(new ControlChange(0, 64, 127)), List.of());
    private static final Track BASS = Track.of("Bass", 33, false, List.of(new Note(0, 960, 36, 90)));
    private static final Track PIANO_B = Track.of("Piano B", 0, false, List.of(new Note(240, 240, 48, 70)));
    private static final Track DRUMS = Track.of("Drums", 0, true, List.of(new Note(0, 60, 36, 100)));

    private static Score score(Track... tracks) {
        return Score.empty(480).withTracks(List.of(tracks));
    }

    @Test
    void mergeByProgramGroupsInOrderOfFirstAppearance() {
        Track drums2 = Track.of("Toms", 0, true, List.of(new Note(480, 60, 45, 100)));
        Score m = score(PIANO_A, BASS, DRUMS, PIANO_B, drums2).mergedByProgram();
        assertEquals(List.of("Piano A", "Bass", "Drums"), m.tracks().stream().map(Track::name).toList());
        assertEquals(List.of(new Note(0, 480, 60, 90), new Note(240, 240, 48, 70)), m.tracks().get(0).notes());
        assertEquals(PIANO_A.controls(), m.tracks().get(0).controls());
        assertSame(BASS, m.tracks().get(1));
        assertTrue(m.tracks().get(2).isDrum());
        assertEquals(2, m.tracks().get(2).notes().size());
    }

    @Test
    void drumAndMelodicTracksWithTheSameProgramStaySeparate() {
        Score s = score(PIANO_A, DRUMS);
        assertSame(s, s.mergedByProgram());
    }

    @Test
    void mergeByProgramOfEmptyScoreIsEmpty() {
        assertEquals(Score.empty(480), Score.empty(480).mergedByProgram());
    }
}
