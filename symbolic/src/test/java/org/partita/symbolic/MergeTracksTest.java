package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTracksTest {

    private static final Track PIANO_A = new Track("Piano A", 0, false, List.of(new Note(0, 480, 60, 90)),
            List.of(new ControlChange(0, 64, 127)), List.of());
    private static final Track BASS = Track.of("Bass", 33, false, List.of(new Note(0, 960, 36, 90)));
    private static final Track PIANO_B = Track.of("Piano B", 0, false, List.of(new Note(240, 240, 48, 70)));
    private static final Track DRUMS = Track.of("Drums", 0, true, List.of(new Note(0, 60, 36, 100)));
    private static final Track STRINGS = Track.of("Strings", 48, false, List.of(new Note(0, 1920, 55, 60)));

    private static Score score(Track... tracks) {
        return Score.empty(480).withTracks(List.of(tracks));
    }

    @Test
    void mergedTrackTakesFirstListedProgramAndLowestPlace() {
        Score m = score(PIANO_A, BASS, STRINGS).mergedTracks(List.of(2, 1), "Low");
        assertEquals(2, m.tracks().size());
        assertEquals(PIANO_A, m.tracks().get(0));
        Track merged = m.tracks().get(1);
        assertEquals("Low", merged.name());
        assertEquals(48, merged.program());
        assertEquals(List.of(new Note(0, 960, 36, 90), new Note(0, 1920, 55, 60)), merged.notes());
    }

    @Test
    void mergingKeepsAllControlsAndNotes() {
        Score m = score(PIANO_A, PIANO_B).mergedTracks(List.of(0, 1), "Piano");
        assertEquals(List.of(new Track("Piano", 0, false,
                List.of(new Note(0, 480, 60, 90), new Note(240, 240, 48, 70)),
                List.of(new ControlChange(0, 64, 127)), List.of())), m.tracks());
    }

    @Test
    void mergingDrumWithMelodicIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> score(PIANO_A, DRUMS).mergedTracks(List.of(0, 1), "x"));
        assertTrue(e.getMessage().contains("'Drums'"), e.getMessage());
    }

    @Test
    void badMergeIndicesAreRejected() {
        Score s = score(PIANO_A, BASS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.mergedTracks(List.of(0, 2), "x"));
        assertTrue(e.getMessage().contains("got 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.mergedTracks(List.of(1, 1), "x"));
        assertThrows(IllegalArgumentException.class, () -> s.mergedTracks(List.of(), "x"));
    }
}
