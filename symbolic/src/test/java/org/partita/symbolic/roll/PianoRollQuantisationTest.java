package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;

class PianoRollQuantisationTest {

    @ParameterizedTest(name = "tick {0} at {1} tpq, {2} steps/quarter -> step {3}")
    @CsvSource({
            "0, 480, 24, 0",
            "9, 480, 24, 0",     // 0.45 steps rounds down
            "10, 480, 24, 1",    // exactly half a step rounds up
            "19, 480, 24, 1",
            "30, 480, 24, 2",    // 1.5 rounds up
            "480, 480, 24, 24",
            "1, 1, 24, 24",      // coarse file, finer roll: exact multiple
            "7, 96, 24, 2",      // 1.75 -> 2
            "5, 96, 24, 1",      // 1.25 -> 1
    })
    void tickMapsToTheNearestStepRoundingHalvesUp(long tick, int tpq, int spq, long step) {
        assertEquals(step, PianoRoll.stepOfTick(tick, tpq, spq));
    }

    @Test
    void noteCoversStepsFromRoundedStartToRoundedEnd() {
        // 480 tpq, 24 steps per quarter: 20 ticks per step. Start 25 -> 1, end 25+70=95 -> 5 (4.75).
        PianoRoll roll = PianoRoll.from(RollScores.of(480, RollScores.piano(new Note(25, 70, 60, 90))));
        assertEquals(5, roll.stepCount());
        for (int s = 0; s < 5; s++) {
            assertEquals(s >= 1 ? 90 : 0, roll.value(RollPlane.FRAME, 0, s, 60), "frame at step " + s);
        }
        assertEquals(90, roll.value(RollPlane.ONSET, 0, 1, 60));
        assertEquals(90, roll.value(RollPlane.OFFSET, 0, 4, 60));
    }

    @Test
    void zeroLengthAndVeryShortNotesSoundOneStep() {
        PianoRoll roll = PianoRoll.from(RollScores.of(480, RollScores.piano(
                new Note(0, 0, 60, 80), new Note(40, 3, 62, 80))));
        Score back = roll.toScore();
        assertEquals(List.of(new Note(0, 1, 60, 80), new Note(2, 1, 62, 80)), back.tracks().get(0).notes());
    }

    @Test
    void rollEndsWithTheLastNoteEnd() {
        PianoRoll roll = PianoRoll.from(RollScores.of(24, RollScores.piano(new Note(10, 5, 60, 80)),
                RollScores.piano(new Note(0, 30, 61, 80))));
        assertEquals(30, roll.stepCount());
        assertEquals(2, roll.trackCount());
    }

    @Test
    void scoreWithoutNotesGivesAnEmptyRollKeepingItsTracks() {
        PianoRoll roll = PianoRoll.from(RollScores.of(480, RollScores.piano()));
        assertEquals(0, roll.stepCount());
        assertEquals(1, roll.trackCount());
        assertTrue(roll.pitchRange().isEmpty());
        assertEquals(1, roll.toScore().tracks().size());
    }

    @Test
    void rollTooLargeForOneArrayIsRefusedNamingItsSize() {
        Score huge = RollScores.of(1, RollScores.piano(new Note(100_000_000L, 1, 60, 80)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PianoRoll.from(huge));
        assertTrue(e.getMessage().contains("2400000024 steps"), e.getMessage());
    }

    @Test
    void negativeTickIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PianoRoll.stepOfTick(-1, 480, 24));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
    }
}
