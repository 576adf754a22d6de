package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.TimeSignature;

class MeterGridTest {

    private static int[] downbeats(List<TimeSignature> meters, int steps, int spq) {
        return MeterGrid.stepsMarked(MeterGrid.marks(meters, steps, spq), MeterGrid.DOWNBEAT);
    }

    private static int[] beats(List<TimeSignature> meters, int steps, int spq) {
        return MeterGrid.stepsMarked(MeterGrid.marks(meters, steps, spq), MeterGrid.BEAT);
    }

    @Test
    void withoutMetersBarsAreFourQuarters() {
        assertArrayEquals(new int[] {0, 96, 192}, downbeats(List.of(), 200, 24));
        assertArrayEquals(new int[] {0, 24, 48, 72, 96}, beats(List.of(), 100, 24));
    }

    @Test
    void compoundMeterBeatsAreDenominatorNotes() {
        List<TimeSignature> sixEight = List.of(new TimeSignature(0, 6, 8));
        assertArrayEquals(new int[] {0, 72, 144}, downbeats(sixEight, 150, 24));
        assertArrayEquals(new int[] {0, 12, 24, 36}, beats(sixEight, 40, 24));
    }

    @Test
    void meterChangeStartsANewBarEvenMidBar() {
        List<TimeSignature> meters = List.of(new TimeSignature(0, 4, 4), new TimeSignature(120, 3, 4));
        assertArrayEquals(new int[] {0, 96, 120, 192, 264}, downbeats(meters, 300, 24));
    }

    @Test
    void meterLaterThanZeroIsPrecededByFourFour() {
        assertArrayEquals(new int[] {0, 96, 192, 200}, downbeats(List.of(new TimeSignature(200, 2, 2)), 201, 24));
    }

    @Test
    void lastMeterAtOneStepWins() {
        List<TimeSignature> meters = List.of(new TimeSignature(0, 4, 4), new TimeSignature(0, 2, 4));
        assertArrayEquals(new int[] {0, 48, 96}, downbeats(meters, 100, 24));
    }

    @Test
    void fractionalBeatsRoundWithoutDrift() {
        // 3/64 at 24 steps per quarter: a beat is 1.5 steps, a bar 4.5 steps.
        List<TimeSignature> meters = List.of(new TimeSignature(0, 3, 64));
        assertArrayEquals(new int[] {0, 5, 9, 14, 18}, downbeats(meters, 20, 24));
    }

    @Test
    void oneQuarterMeterMakesEveryQuarterABar() {
        assertArrayEquals(new int[] {0, 24, 48}, downbeats(List.of(new TimeSignature(0, 1, 4)), 60, 24));
    }
}
