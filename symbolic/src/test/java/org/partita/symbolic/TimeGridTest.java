package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeGridTest {

    private static final double EPS = 1e-9;

    private static TimeGrid grid(int tpq, List<TempoChange> tempos, List<TimeSignature> meters) {
        return Score.empty(tpq).withTempos(tempos).withTimeSignatures(meters).timeGrid();
    }

    private static TimeGrid meters(int tpq, TimeSignature... meters) {
        return grid(tpq, List.of(), List.of(meters));
    }

    // ---- tempo ----

    @Test
    void noTempoEventMeans120Bpm() {
        TimeGrid g = grid(480, List.of(), List.of());
        assertEquals(1.0, g.tickToSeconds(960), EPS);
        assertEquals(0.0, g.tickToSeconds(0), EPS);
        assertEquals(TempoChange.DEFAULT_MICROS_PER_QUARTER, g.tempoAt(5000).microsPerQuarter());
    }

    @Test
    void tempoChangeFrom120To60BpmSlowsTheSecondSegment() {
        // 960 ticks at 0.5 s per quarter = 1.0 s; then 60 bpm: 1 s per 480 ticks.
        TimeGrid g = grid(480, List.of(new TempoChange(0, 500_000), new TempoChange(960, 1_000_000)), List.of());
        assertEquals(1.0, g.tickToSeconds(960), EPS);
        assertEquals(1.5, g.tickToSeconds(1200), EPS);
        assertEquals(2.0, g.tickToSeconds(1440), EPS);
        assertEquals(1440.0, g.secondsToTick(2.0), 1e-6);
        assertEquals(480.0, g.secondsToTick(0.5), 1e-6);
        assertEquals(1_000_000, g.tempoAt(960).microsPerQuarter());
        assertEquals(500_000, g.tempoAt(959).microsPerQuarter());
    }

    @Test
    void tempoListStartingLateMeans120BpmBeforeFirstChange() {
        TimeGrid g = grid(480, List.of(new TempoChange(960, 1_000_000)), List.of());
        assertEquals(1.0, g.tickToSeconds(960), EPS);
        assertEquals(2.0, g.tickToSeconds(1440), EPS);
        assertEquals(0, g.tempoAt(0).tick());
        assertEquals(500_000, g.tempoAt(0).microsPerQuarter());
    }

    @Test
    void lastTempoAtOneTickWins() {
        TimeGrid g = grid(480, List.of(new TempoChange(0, 1_000_000), new TempoChange(0, 250_000)), List.of());
        assertEquals(0.25, g.tickToSeconds(480), EPS);
    }

    @Test
    void secondsToTickInvertsTickToSecondsAcrossTempoChanges() {
        TimeGrid g = grid(96, List.of(new TempoChange(0, 600_000), new TempoChange(100, 333_333),
                new TempoChange(1000, 1_234_567), new TempoChange(1001, 20_000)), List.of());
        for (long tick = 0; tick < 5000; tick += 7) {
            assertEquals(tick, g.secondsToTick(g.tickToSeconds(tick)), 1e-6, "tick " + tick);
        }
    }

    @Test
    void durationSecondsFollowsTheTempoMap() {
        Track t = Track.of("x", 0, false, List.of(new Note(0, 1440, 60, 90)));
        Score s = Score.empty(480).withTracks(List.of(t))
                .withTempos(List.of(new TempoChange(0, 500_000), new TempoChange(960, 1_000_000)));
        assertEquals(2.0, s.durationSeconds(), EPS);
    }

    @Test
    void negativeTickAndSecondsAreRejectedWithTheValue() {
        TimeGrid g = grid(480, List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.tickToSeconds(-5));
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.secondsToTick(-0.5));
        assertThrows(IllegalArgumentException.class, () -> g.secondsToTick(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> g.barAt(-1));
        assertThrows(IllegalArgumentException.class, () -> g.barStartTick(-1));
    }

    // ---- meter ----

    @Test
    void noMeterMeansFourFour() {
        TimeGrid g = grid(480, List.of(), List.of());
        assertEquals(TimeSignature.DEFAULT, g.meterAt(100_000));
        assertEquals(4, g.beatsPerBar(0));
        assertEquals(1, g.barAt(1920));
        assertEquals(0, g.barAt(1919));
        assertEquals(new BarBeat(1, 1, 0), g.barBeatAt(2400));
        assertEquals(new BarBeat(2, 3, 479), g.barBeatAt(3840 + 1440 + 479));
    }

    @Test
    void fourFourThenThreeFourAtABarLine() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(3840, 3, 4));
        assertEquals(2, g.barAt(3840));
        assertEquals(3840, g.barStartTick(2));
        assertEquals(3840 + 1440, g.barStartTick(3));
        assertEquals(new BarBeat(3, 1, 100), g.barBeatAt(3840 + 1440 + 480 + 100));
        assertEquals(3, g.beatsPerBar(3840));
        assertEquals(4, g.beatsPerBar(3839));
        assertEquals(new TimeSignature(3840, 3, 4), g.meterAt(10_000));
    }

    @Test
    void sixEightHasSixEighthBeats() {
        TimeGrid g = meters(480, new TimeSignature(0, 6, 8));
        assertEquals(240.0, g.ticksPerBeat(0), EPS);
        assertEquals(6, g.beatsPerBar(0));
        assertEquals(1440, g.barStartTick(1));
        assertEquals(new BarBeat(1, 3, 10), g.barBeatAt(1440 + 3 * 240 + 10));
    }

    @Test
    void meterChangeMidBarStartsNewBar() {
        // Bar 1 starts at 1920; 3/4 arrives at 2880, two beats in, so bar 1 is a 2-beat partial bar.
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(2880, 3, 4));
        assertEquals(new BarBeat(1, 1, 479), g.barBeatAt(2879));
        assertEquals(new BarBeat(2, 0, 0), g.barBeatAt(2880));
        assertEquals(2880, g.barStartTick(2));
        assertEquals(4320, g.barStartTick(3));
        assertThrows(IllegalArgumentException.class, () -> g.tickOf(new BarBeat(1, 2, 0)));
        assertEquals(2400.0, g.tickOf(new BarBeat(1, 1, 0)), EPS);
    }

    @Test
    void meterListStartingLateMeansFourFourBeforeIt() {
        TimeGrid g = meters(480, new TimeSignature(960, 3, 4));
        assertEquals(TimeSignature.DEFAULT, g.meterAt(959));
        assertEquals(new BarBeat(0, 1, 479), g.barBeatAt(959));
        assertEquals(1, g.barAt(960));
        assertEquals(960 + 1440, g.barStartTick(2));
    }

    @Test
    void lastMeterAtOneTickWins() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(0, 3, 4));
        assertEquals(3, g.beatsPerBar(0));
        assertEquals(1440, g.barStartTick(1));
    }

    @Test
    void sameMeterRestatedMidBarStillStartsNewBar() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(480, 4, 4));
        assertEquals(1, g.barAt(480));
        assertEquals(480 + 1920, g.barStartTick(2));
    }

    // ---- pickups ----

    @Test
    void oneBeatPickupInFourFourIsBeatThree() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4)).withPickupTicks(480);
        assertEquals(480, g.pickupTicks());
        assertEquals(new BarBeat(0, 3, 0), g.barBeatAt(0));
        assertEquals(new BarBeat(0, 3, 479), g.barBeatAt(479));
        assertEquals(new BarBeat(1, 0, 0), g.barBeatAt(480));
        assertEquals(0, g.barStartTick(0));
        assertEquals(480, g.barStartTick(1));
        assertEquals(2400, g.barStartTick(2));
        assertEquals(2, g.barAt(2400));
        assertEquals(0.0, g.tickOf(new BarBeat(0, 3, 0)), EPS);
        assertThrows(IllegalArgumentException.class, () -> g.tickOf(new BarBeat(0, 2, 0)));
    }

    @Test
    void eighthPickupInSixEightIsTheLastEighth() {
        TimeGrid g = meters(480, new TimeSignature(0, 6, 8)).withPickupTicks(240);
        assertEquals(new BarBeat(0, 5, 0), g.barBeatAt(0));
        assertEquals(new BarBeat(1, 0, 0), g.barBeatAt(240));
        assertEquals(240 + 1440, g.barStartTick(2));
    }

    @Test
    void halfBeatPickupStartsInsideTheLastBeat() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4)).withPickupTicks(240);
        assertEquals(new BarBeat(0, 3, 240), g.barBeatAt(0));
    }

    @Test
    void pickupEndingAtAMeterChange() {
        TimeGrid g = meters(480, new TimeSignature(0, 3, 4), new TimeSignature(480, 4, 4)).withPickupTicks(480);
        assertEquals(new BarBeat(0, 2, 0), g.barBeatAt(0));
        assertEquals(1, g.barAt(480));
        assertEquals(480 + 1920, g.barStartTick(2));
        assertEquals(4, g.beatsPerBar(480));
    }

    @Test
    void pickupAndMeterChangeLater() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(480 + 1920, 3, 4))
                .withPickupTicks(480);
        assertEquals(2, g.barAt(2400));
        assertEquals(2400 + 1440, g.barStartTick(3));
    }

    @Test
    void invalidPickupsAreRejected() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(960, 3, 4));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> g.withPickupTicks(1920));
        assertTrue(tooLong.getMessage().contains("1920"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.withPickupTicks(1000));
        assertThrows(IllegalArgumentException.class, () -> g.withPickupTicks(-1));
    }

    @Test
    void zeroPickupRemovesThePickup() {
        TimeGrid g = meters(480).withPickupTicks(480).withPickupTicks(0);
        assertEquals(new BarBeat(0, 0, 0), g.barBeatAt(0));
        assertEquals(1920, g.barStartTick(1));
    }

    // ---- tiny resolutions ----

    @Test
    void tinyResolutionSixEightHasHalfTickBeats() {
        TimeGrid g = meters(1, new TimeSignature(0, 6, 8));
        assertEquals(0.5, g.ticksPerBeat(0), EPS);
        assertEquals(3, g.barStartTick(1));
        assertEquals(new BarBeat(1, 2, 0), g.barBeatAt(4));
        assertEquals(new BarBeat(0, 2, 0), g.barBeatAt(1));
        assertEquals(3.25, g.tickOf(new BarBeat(1, 0, 0.25)), EPS);
    }

    @Test
    void fractionalBarStartRoundsUpToFirstTickInsideTheBar() {
        // 7/8 at one tick per quarter: a bar is 3.5 ticks.
        TimeGrid g = meters(1, new TimeSignature(0, 7, 8));
        assertEquals(3.5, g.barStartTickExact(1), EPS);
        assertEquals(4, g.barStartTick(1));
        assertEquals(7, g.barStartTick(2));
        assertEquals(0, g.barAt(3));
        assertEquals(new BarBeat(1, 1, 0), g.barBeatAt(4));
        assertEquals(new BarBeat(0, 6, 0), g.barBeatAt(3));
    }

    // ---- round trips ----

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 24, 480})
    void barBeatRoundTripsThroughTickOf(int tpq) {
        TimeGrid g = meters(tpq, new TimeSignature(0, 3, 4), new TimeSignature(5L * tpq, 6, 8),
                new TimeSignature(17L * tpq, 5, 16), new TimeSignature(40L * tpq, 2, 2)).withPickupTicks(tpq);
        for (long tick = 0; tick < 60L * tpq; tick++) {
            BarBeat bb = g.barBeatAt(tick);
            assertEquals(tick, g.tickOf(bb), EPS, "tick " + tick + " " + bb);
            assertEquals(bb.bar(), g.barAt(tick));
            assertTrue(g.barStartTickExact(bb.bar()) <= tick, "bar start after tick " + tick);
        }
    }

    @Test
    void barStartTicksIncreaseAndMapBackToTheirBar() {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(2880, 3, 4),
                new TimeSignature(7000, 6, 8));
        for (int bar = 0; bar < 20; bar++) {
            assertEquals(bar, g.barAt(g.barStartTick(bar)), "bar " + bar);
            assertTrue(g.barStartTick(bar + 1) > g.barStartTick(bar));
        }
    }

    @Test
    void gridIsSharedSafelyAcrossThreads() throws InterruptedException {
        TimeGrid g = meters(480, new TimeSignature(0, 4, 4), new TimeSignature(2880, 3, 4));
        long[] failures = new long[4];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (long tick = 0; tick < 50_000; tick++) {
                    if (g.tickOf(g.barBeatAt(tick)) != tick) {
                        failures[id]++;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, failures[0] + failures[1] + failures[2] + failures[3]);
    }
}
