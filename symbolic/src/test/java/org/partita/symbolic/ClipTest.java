package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipTest {

    private static Score withNotes(Note... notes) {
        return Score.empty(480).withTracks(List.of(Track.of("p", 0, false, List.of(notes))));
    }

    private static List<Note> notesOf(Score s) {
        return s.tracks().get(0).notes();
    }

    @Test
    void notesCrossingBoundariesAreCutToThem() {
        Score s = withNotes(new Note(0, 1000, 60, 90), new Note(1500, 1000, 62, 80), new Note(1200, 100, 64, 70));
        assertEquals(List.of(new Note(0, 500, 60, 90), new Note(700, 100, 64, 70), new Note(1000, 500, 62, 80)),
                notesOf(s.clipped(500, 2000)));
    }

    @Test
    void noteSpanningTheWholeRangeBecomesTheWholeRange() {
        assertEquals(List.of(new Note(0, 100, 60, 90)), notesOf(withNotes(new Note(0, 5000, 60, 90)).clipped(1000, 1100)));
    }

    @Test
    void noteEndingExactlyAtStartOrStartingExactlyAtEndIsDropped() {
        Score s = withNotes(new Note(0, 480, 60, 90), new Note(960, 480, 62, 90), new Note(480, 480, 64, 90));
        assertEquals(List.of(new Note(0, 480, 64, 90)), notesOf(s.clipped(480, 960)));
    }

    @Test
    void zeroDurationNotesAreKeptOnlyInsideHalfOpenRange() {
        Score s = withNotes(new Note(479, 0, 59, 90), new Note(480, 0, 60, 90), new Note(700, 0, 61, 90),
                new Note(960, 0, 62, 90));
        assertEquals(List.of(new Note(0, 0, 60, 90), new Note(220, 0, 61, 90)), notesOf(s.clipped(480, 960)));
    }

    @Test
    void tempoMeterAndKeyInForceAreRestatedAtZero() {
        Score s = withNotes(new Note(4000, 100, 60, 90))
                .withTempos(List.of(new TempoChange(0, 500_000), new TempoChange(1000, 600_000),
                        new TempoChange(4500, 700_000), new TempoChange(9000, 800_000)))
                .withTimeSignatures(List.of(new TimeSignature(0, 4, 4), new TimeSignature(3840, 3, 4)));
        s = new Score(480, s.tracks(), s.tempos(), s.timeSignatures(),
                List.of(new KeySignature(0, 2, false), new KeySignature(5000, -1, true)),
                List.of(new TextEvent(100, TextEvent.Kind.MARKER, "intro"), new TextEvent(4100, TextEvent.Kind.MARKER, "A")));
        Score c = s.clipped(3840, 8000);
        assertEquals(List.of(new TempoChange(0, 600_000), new TempoChange(660, 700_000)), c.tempos());
        assertEquals(List.of(new TimeSignature(0, 3, 4)), c.timeSignatures());
        assertEquals(List.of(new KeySignature(0, 2, false), new KeySignature(1160, -1, true)), c.keySignatures());
        assertEquals(List.of(new TextEvent(260, TextEvent.Kind.MARKER, "A")), c.texts());
        assertEquals(List.of(new Note(160, 100, 60, 90)), notesOf(c));
    }

    @Test
    void eventExactlyAtStartIsTheOneRestated() {
        Score s = Score.empty(480).withTempos(List.of(new TempoChange(0, 500_000), new TempoChange(960, 1_000_000)));
        assertEquals(List.of(new TempoChange(0, 1_000_000)), s.clipped(960, 2000).tempos());
    }

    @Test
    void nothingIsInventedWhenNoTempoOrMeterIsDeclared() {
        Score c = withNotes(new Note(0, 100, 60, 90)).clipped(50, 70);
        assertEquals(List.of(), c.tempos());
        assertEquals(List.of(), c.timeSignatures());
        assertEquals(List.of(), c.keySignatures());
    }

    @Test
    void firstBarsClipKeepsContextAndBarNumbers() {
        Score s = withNotes(new Note(0, 480, 60, 90), new Note(1920 * 2, 480, 62, 90))
                .withTimeSignatures(List.of(new TimeSignature(0, 3, 4)));
        TimeGrid g = s.timeGrid();
        Score firstTwoBars = s.clipped(0, g.barStartTick(2));
        assertEquals(List.of(new TimeSignature(0, 3, 4)), firstTwoBars.timeSignatures());
        assertEquals(List.of(new Note(0, 480, 60, 90)), notesOf(firstTwoBars));
    }

    @Test
    void controlsAndBendsInRangeAreShiftedAndStateBeforeStartIsChased() {
        Track t = new Track("p", 0, false, List.of(),
                List.of(new ControlChange(0, 64, 127), new ControlChange(10, 7, 100), new ControlChange(20, 7, 90),
                        new ControlChange(500, 7, 80), new ControlChange(600, 1, 5), new ControlChange(1000, 1, 6)),
                List.of(new PitchBend(5, 200), new PitchBend(700, -300)));
        Track c = Score.empty(480).withTracks(List.of(t)).clipped(500, 1000).tracks().get(0);
        // Controller 7 has an event exactly at 500, so its earlier value is not re-stated.
        assertEquals(List.of(new ControlChange(0, 64, 127), new ControlChange(0, 7, 80), new ControlChange(100, 1, 5)),
                c.controls());
        assertEquals(List.of(new PitchBend(0, 200), new PitchBend(200, -300)), c.pitchBends());
    }

    @Test
    void allTracksAreKeptEvenWhenEmptied() {
        Score s = Score.empty(480).withTracks(List.of(
                Track.of("a", 0, false, List.of(new Note(0, 10, 60, 90))),
                Track.of("b", 33, false, List.of(new Note(5000, 10, 40, 90)))));
        Score c = s.clipped(0, 100);
        assertEquals(2, c.tracks().size());
        assertTrue(c.tracks().get(1).notes().isEmpty());
        assertEquals("b", c.tracks().get(1).name());
    }

    @Test
    void emptyRangeGivesNoNotesButKeepsContext() {
        Score s = withNotes(new Note(0, 1000, 60, 90)).withTempos(List.of(new TempoChange(0, 400_000)));
        Score c = s.clipped(500, 500);
        assertEquals(List.of(), notesOf(c));
        assertEquals(List.of(new TempoChange(0, 400_000)), c.tempos());
    }

    @Test
    void emptyScoreClipsToEmptyScore() {
        assertEquals(Score.empty(480), Score.empty(480).clipped(0, 1000));
    }

    @Test
    void badRangesAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Score.empty(480).clipped(-3, 10));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Score.empty(480).clipped(10, 9));
        assertTrue(e.getMessage().contains("got 9"), e.getMessage());
    }
}
