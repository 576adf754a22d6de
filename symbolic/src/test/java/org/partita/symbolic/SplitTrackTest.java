package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTrackTest {

    private static final Track PIANO_A = new Track("Piano A", 0, false, List.of(new Note(0, 480, 60, 90)),
            List.of(new ControlChange(0, 64, 127)), List.of());
    private static final Track BASS = Track.of("Bass", 33, false, List.of(new Note(0, 960, 36, 90)));
    private static final Track DRUMS = Track.of("Drums", 0, true, List.of(new Note(0, 60, 36, 100)));

    private static Score score(Track... tracks) {
        return Score.empty(480).withTracks(List.of(tracks));
    }

    @Test
    void splitSendsNotesBelowSplitPitchToLowTrackAfterHighTrack() {
        Track piano = new Track("Piano", 0, false,
                List.of(new Note(0, 480, 48, 80), new Note(0, 480, 60, 80), new Note(0, 480, 59, 80), new Note(480, 0, 72, 80)),
                List.of(new ControlChange(0, 64, 127)), List.of(new PitchBend(0, 0)));
        Score s = score(BASS, piano, DRUMS).splitTrack(1, 60);
        assertEquals(4, s.tracks().size());
        assertEquals(BASS, s.tracks().get(0));
        assertEquals(new Track("Piano (high)", 0, false, List.of(new Note(0, 480, 60, 80), new Note(480, 0, 72, 80)),
                piano.controls(), piano.pitchBends()), s.tracks().get(1));
        assertEquals(new Track("Piano (low)", 0, false, List.of(new Note(0, 480, 48, 80), new Note(0, 480, 59, 80)),
                piano.controls(), piano.pitchBends()), s.tracks().get(2));
        assertEquals(DRUMS, s.tracks().get(3));
    }

    @Test
    void splitDropsAnEmptyHalf() {
        Score s = score(PIANO_A).splitTrack(0, 0);
        assertEquals(List.of(new Track("Piano A (high)", 0, false, PIANO_A.notes(), PIANO_A.controls(), List.of())),
                s.tracks());
        assertEquals("Piano A (low)", score(PIANO_A).splitTrack(0, 128).tracks().get(0).name());
    }

    @Test
    void splittingATrackWithoutNotesChangesNothing() {
        Score s = score(Track.of("Empty", 0, false, List.of()));
        assertSame(s, s.splitTrack(0, 60));
    }

    @Test
    void badSplitArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> score(PIANO_A).splitTrack(1, 60));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> score(PIANO_A).splitTrack(0, 129));
        assertTrue(e.getMessage().contains("129"), e.getMessage());
    }

    @Test
    void splitThenMergeRestoresTheNotes() {
        Track piano = Track.of("Piano", 0, false, List.of(new Note(0, 480, 48, 80), new Note(0, 480, 72, 80)));
        Score back = score(piano).splitTrack(0, 60).mergedTracks(List.of(0, 1), "Piano");
        assertEquals(score(piano), back);
    }
}
