package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

class PianoRollRoundTripTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void scoreOnTheGridAtOneTickPerStepComesBackExactly(long seed) {
        Score score = RollScores.onGrid(seed, 24, 24);
        assertEquals(score, PianoRoll.from(score).toScore());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void scoreOnTheGridAtAFinerResolutionComesBackExactlyAfterResampling(long seed) {
        Score score = RollScores.onGrid(seed, 480, 24);
        Score back = PianoRoll.from(score).toScore();
        assertEquals(24, back.ticksPerQuarter());
        assertEquals(score, back.resampled(480));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void scoreOnACoarserGridComesBackAtTheRollsResolution(long seed) {
        Score score = RollScores.onGrid(seed, 4, 4);
        assertEquals(score.resampled(24), PianoRoll.from(score).toScore());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43, 44})
    void quantisingTwiceChangesNothingMore(long seed) {
        Score messy = RollScores.offGrid(seed, 480);
        Score once = PianoRoll.from(messy).toScore();
        PianoRoll again = PianoRoll.from(once);
        assertEquals(once, again.toScore());
        // Decoded notes cover exactly the cells where the original roll sounds.
        PianoRollConfig binary = PianoRollConfig.defaults().withValues(RollValues.BINARY);
        assertEquals(PianoRoll.from(messy, binary).planeBuffer(RollPlane.FRAME),
                PianoRoll.from(once, binary).planeBuffer(RollPlane.FRAME));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {51, 52})
    void notesThatDoNotCollideKeepTheirQuantisedTimesAndVelocity(long seed) {
        Score messy = RollScores.offGrid(seed, 480);
        Score back = PianoRoll.from(messy).toScore();
        for (int t = 0; t < messy.tracks().size(); t++) {
            Track original = messy.tracks().get(t);
            List<long[]> expected = new ArrayList<>();
            for (var n : original.notes()) {
                long start = PianoRoll.stepOfTick(n.startTick(), 480, 24);
                long end = Math.max(PianoRoll.stepOfTick(n.endTick(), 480, 24), start + 1);
                boolean alone = original.notes().stream().filter(m -> m != n && m.pitch() == n.pitch()).noneMatch(m -> {
                    long ms = PianoRoll.stepOfTick(m.startTick(), 480, 24);
                    long me = Math.max(PianoRoll.stepOfTick(m.endTick(), 480, 24), ms + 1);
                    return ms < end && start < me;
                });
                if (alone) {
                    expected.add(new long[] {start, end - start, n.pitch(), n.velocity()});
                }
            }
            Track decoded = back.tracks().get(t);
            for (long[] e : expected) {
                assertEquals(1, decoded.notes().stream().filter(n -> n.startTick() == e[0] && n.durationTicks() == e[1]
                        && n.pitch() == e[2] && n.velocity() == e[3]).count(), "note " + Arrays.toString(e));
            }
        }
    }
}
