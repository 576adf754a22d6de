package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

class PianoRollEditsTest {

    private static final Track DRUMS = Track.of("drums", 0, true, List.of(new Note(0, 1, 36, 100), new Note(2, 1, 42, 90)));

    @Test
    void paddingShiftsNotesAndKeepsTheirOrder() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 2, 60, 80)))).padded(3, 5);
        assertEquals(10, roll.stepCount());
        assertEquals(List.of(new Note(3, 2, 60, 80)), roll.toScore().tracks().get(0).notes());
    }

    @Test
    void paddingBeforeKeepsTheFirstBarWhereTheMusicHadIt() {
        Score score = new Score(24, List.of(RollScores.piano(new Note(0, 96, 60, 80))), List.of(new TempoChange(0, 600_000)),
                List.of(new TimeSignature(0, 3, 4)), List.of(), List.of());
        PianoRoll roll = PianoRoll.from(score).padded(24, 0);
        assertEquals(List.of(new TimeSignature(0, 3, 4), new TimeSignature(24, 3, 4)), roll.timeSignatures());
        assertEquals(List.of(new TempoChange(0, 600_000), new TempoChange(24, 600_000)), roll.tempos());
        assertArrayEquals(new int[] {0, 24, 24 + 72}, roll.downbeatSteps());
    }

    @Test
    void trimmingKeepsTheStepsAskedAndGivesCutNotesOnsetsAndOffsets() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(
                new Note(0, 10, 60, 80), new Note(4, 2, 64, 70), new Note(12, 2, 67, 60))));
        PianoRoll cut = roll.trimmed(5, 8);
        assertEquals(3, cut.stepCount());
        assertEquals(80, cut.value(RollPlane.ONSET, 0, 0, 60));
        assertEquals(80, cut.value(RollPlane.OFFSET, 0, 2, 60));
        assertEquals(70, cut.value(RollPlane.ONSET, 0, 0, 64));
        assertEquals(List.of(new Note(0, 1, 64, 70), new Note(0, 3, 60, 80)).stream().sorted().toList(),
                cut.toScore().tracks().get(0).notes());
        // The planes of the cut are those of the notes as cut.
        PianoRoll expected = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 3, 60, 80), new Note(0, 1, 64, 70))));
        assertEquals(expected.planeBuffer(RollPlane.ONSET), cut.planeBuffer(RollPlane.ONSET));
        assertEquals(expected.planeBuffer(RollPlane.OFFSET), cut.planeBuffer(RollPlane.OFFSET));
    }

    @Test
    void trimmingMovesTheTempoAndMeterInForceToStepZero() {
        Score score = new Score(24, List.of(RollScores.piano(new Note(0, 400, 60, 80))),
                List.of(new TempoChange(0, 500_000), new TempoChange(100, 400_000), new TempoChange(300, 300_000)),
                List.of(new TimeSignature(0, 4, 4), new TimeSignature(96, 3, 4)), List.of(), List.of());
        PianoRoll cut = PianoRoll.from(score).trimmed(168, 320);
        assertEquals(List.of(new TempoChange(0, 400_000), new TempoChange(132, 300_000)), cut.tempos());
        assertEquals(List.of(new TimeSignature(0, 3, 4)), cut.timeSignatures());
        assertArrayEquals(new int[] {0, 72, 144}, cut.downbeatSteps());
    }

    @Test
    void trimRangeOutsideTheRollIsRefusedNamingIt() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 10, 60, 80))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> roll.trimmed(4, 11));
        assertTrue(e.getMessage().contains("[4, 11)") && e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void transposingMovesPitchedTracksAndLeavesDrumsAlone() {
        Score score = RollScores.of(24, RollScores.piano(new Note(0, 2, 60, 80), new Note(1, 3, 64, 70)), DRUMS);
        Score up = PianoRoll.from(score).transposed(5).toScore();
        assertEquals(List.of(new Note(0, 2, 65, 80), new Note(1, 3, 69, 70)), up.tracks().get(0).notes());
        assertEquals(DRUMS.notes(), up.tracks().get(1).notes());
        assertEquals(PianoRoll.from(score), PianoRoll.from(score).transposed(-7).transposed(7));
    }

    @Test
    void transposingOutOfRangeIsRefusedNamingTrackAndPitch() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 2, 120, 80))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> roll.transposed(8));
        assertTrue(e.getMessage().contains("pitch 120") && e.getMessage().contains("'Piano'"), e.getMessage());
    }

    @Test
    void editsLeaveTheOriginalUnchanged() {
        PianoRoll roll = PianoRoll.from(RollScores.onGrid(7, 24, 24));
        PianoRoll copy = PianoRoll.from(RollScores.onGrid(7, 24, 24));
        roll.padded(2, 2);
        roll.trimmed(1, 5);
        roll.transposed(1);
        assertEquals(copy, roll);
    }
}
