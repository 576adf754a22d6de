package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

class PianoRollPlanesTest {

    private static final PianoRollConfig ONE_STEP_PER_TICK = PianoRollConfig.defaults();

    @Test
    void heldAndRepeatedNotesShareFramesButNotOnsetsOrOffsets() {
        PianoRoll held = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 8, 60, 100))));
        PianoRoll repeated = PianoRoll.from(RollScores.of(24, RollScores.piano(
                new Note(0, 4, 60, 100), new Note(4, 4, 60, 100))));
        assertArrayEquals(held.planeCopy(RollPlane.FRAME), repeated.planeCopy(RollPlane.FRAME));
        assertNotEquals(0, repeated.value(RollPlane.ONSET, 0, 4, 60));
        assertEquals(0, held.value(RollPlane.ONSET, 0, 4, 60));
        assertNotEquals(0, repeated.value(RollPlane.OFFSET, 0, 3, 60));
        assertEquals(0, held.value(RollPlane.OFFSET, 0, 3, 60));
        assertEquals(1, held.noteCount());
        assertEquals(2, repeated.noteCount());
    }

    @Test
    void layoutIsTrackStepPitchInCOrder() {
        Score score = RollScores.of(24, RollScores.piano(new Note(1, 1, 5, 9)), RollScores.piano(new Note(0, 2, 7, 11)));
        PianoRoll roll = PianoRoll.from(score);
        ByteBuffer frame = roll.planeBuffer(RollPlane.FRAME);
        int steps = roll.stepCount();
        assertEquals(2 * steps * 128, frame.remaining());
        assertEquals(9, frame.get((0 * steps + 1) * 128 + 5));
        assertEquals(11, frame.get((1 * steps + 0) * 128 + 7));
        assertEquals(11, frame.get((1 * steps + 1) * 128 + 7));
        assertEquals(3, countNonZero(frame));
    }

    @Test
    void binaryRollsHoldOnesAndDecodeWithTheDefaultVelocity() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 2, 60, 100))),
                ONE_STEP_PER_TICK.withValues(RollValues.BINARY));
        assertEquals(1, roll.value(RollPlane.FRAME, 0, 1, 60));
        assertEquals(List.of(new Note(0, 2, 60, PianoRoll.DEFAULT_VELOCITY)), roll.toScore().tracks().get(0).notes());
    }

    @Test
    void notesOfOneStartStepAndPitchMergeKeepingTheLoudestAndLongest() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(
                new Note(0, 3, 60, 40), new Note(0, 6, 60, 90))));
        assertEquals(List.of(new Note(0, 6, 60, 90)), roll.toScore().tracks().get(0).notes());
    }

    @Test
    void aNoteStartingUnderALongerOneCutsIt() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(
                new Note(0, 10, 60, 40), new Note(4, 2, 60, 90))));
        assertEquals(List.of(new Note(0, 4, 60, 40), new Note(4, 6, 60, 90)), roll.toScore().tracks().get(0).notes());
    }

    @Test
    void planesLeftOutAreAbsentAndSaySo() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 2, 60, 100))),
                ONE_STEP_PER_TICK.withPlanes(EnumSet.of(RollPlane.FRAME)));
        assertFalse(roll.has(RollPlane.ONSET));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> roll.planeCopy(RollPlane.OFFSET));
        assertTrue(e.getMessage().contains("OFFSET"), e.getMessage());
    }

    @Test
    void withoutOnsetsRepeatedNotesDecodeAsOneHeldNote() {
        Score repeated = RollScores.of(24, RollScores.piano(new Note(0, 4, 60, 100), new Note(4, 4, 60, 100)));
        PianoRoll roll = PianoRoll.from(repeated, ONE_STEP_PER_TICK.withPlanes(EnumSet.of(RollPlane.FRAME)));
        assertEquals(List.of(new Note(0, 8, 60, 100)), roll.toScore().tracks().get(0).notes());
    }

    @Test
    void planeViewIsReadOnlyAndCopiesAreIndependent() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 2, 60, 100))));
        assertThrows(ReadOnlyBufferException.class, () -> roll.planeBuffer(RollPlane.FRAME).put(0, (byte) 1));
        byte[] copy = roll.planeCopy(RollPlane.FRAME);
        copy[60] = 0;
        assertEquals(100, roll.value(RollPlane.FRAME, 0, 0, 60));
    }

    @Test
    void pitchRangeSpansTheNotesOfAllTracks() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(0, 2, 48, 100)),
                Track.of("drums", 0, true, List.of(new Note(3, 1, 81, 100)))));
        assertEquals(new PianoRoll.PitchRange(48, 81), roll.pitchRange().orElseThrow());
    }

    @Test
    void equalScoresGiveEqualRolls() {
        Score s = RollScores.onGrid(3, 480, 24);
        assertEquals(PianoRoll.from(s), PianoRoll.from(s));
        assertEquals(PianoRoll.from(s).hashCode(), PianoRoll.from(s).hashCode());
        assertNotEquals(PianoRoll.from(s), PianoRoll.from(s).transposed(1));
    }

    private static int countNonZero(ByteBuffer b) {
        int n = 0;
        for (int i = 0; i < b.limit(); i++) {
            n += b.get(i) != 0 ? 1 : 0;
        }
        return n;
    }
}
