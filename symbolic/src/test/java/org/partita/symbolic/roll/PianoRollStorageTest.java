package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * A roll from {@link PianoRoll#from} is stored as quantised notes and paints its planes on demand;
 * {@code trimmed(0, stepCount)} gives the same roll stored as planes. Both must be the same roll.
 */
class PianoRollStorageTest {

    /** The planes of the rule on {@link PianoRoll}, painted cell by cell from the score (independent of RollNotes). */
    private static byte[] reference(Score score, PianoRollConfig config, RollPlane plane, int steps) {
        int tpq = score.ticksPerQuarter();
        int spq = config.stepsPerQuarter();
        byte[] out = new byte[score.tracks().size() * steps * 128];
        for (int t = 0; t < score.tracks().size(); t++) {
            for (Note n : score.tracks().get(t).notes()) {
                int start = (int) PianoRoll.stepOfTick(n.startTick(), tpq, spq);
                int end = (int) Math.max(PianoRoll.stepOfTick(n.endTick(), tpq, spq), start + 1);
                int v = config.values() == RollValues.VELOCITY ? n.velocity() : 1;
                for (int s = start; s < end; s++) {
                    boolean covered = plane == RollPlane.FRAME || (plane == RollPlane.ONSET ? s == start : s == end - 1);
                    int cell = (t * steps + s) * 128 + n.pitch();
                    if (covered && v > out[cell]) {
                        out[cell] = (byte) v;
                    }
                }
            }
        }
        return out;
    }

    private static PianoRoll asPlanes(PianoRoll roll) {
        return roll.trimmed(0, roll.stepCount());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void paintedPlanesFollowTheRuleAndEqualTheRollStoredAsPlanes(long seed) {
        Score score = RollScores.offGrid(seed, 480);
        for (PianoRollConfig config : List.of(PianoRollConfig.defaults(),
                PianoRollConfig.defaults().withStepsPerQuarter(4).withValues(RollValues.BINARY))) {
            PianoRoll roll = PianoRoll.from(score, config);
            for (RollPlane plane : RollPlane.values()) {
                assertArrayEquals(reference(score, config, plane, roll.stepCount()), roll.planeCopy(plane),
                        plane + " at " + config);
            }
            PianoRoll planes = asPlanes(PianoRoll.from(score, config));
            assertEquals(roll, planes);
            assertEquals(planes, PianoRoll.from(score, config));
            assertEquals(roll.hashCode(), planes.hashCode());
            assertEquals(roll.pitchRange(), planes.pitchRange());
            assertEquals(roll.toScore(), planes.toScore());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7, 8})
    void paddingAndTransposingNotesGiveTheRollOfPaddingAndTransposingPlanes(long seed) {
        Score score = RollScores.offGrid(seed, 480);
        PianoRoll roll = PianoRoll.from(score);
        int up = 127 - roll.pitchRange().orElseThrow().highest();
        assertEquals(asPlanes(roll).padded(5, 7), roll.padded(5, 7));
        assertEquals(asPlanes(roll).transposed(up), roll.transposed(up));
        assertEquals(asPlanes(roll).padded(3, 0).transposed(-2).trimmed(2, 40),
                roll.padded(3, 0).transposed(-2).trimmed(2, 40));
        assertNotEquals(roll, roll.transposed(1).transposed(-1).padded(0, 1));
    }

    @Test
    void differentNotesPaintingTheSameCellsGiveEqualRolls() {
        // A softer note on the same cells as a louder one leaves no trace: the planes are the loud note's alone.
        Track both = RollScores.piano(new Note(0, 96, 60, 100), new Note(0, 96, 60, 50));
        Track one = RollScores.piano(new Note(0, 96, 60, 100));
        assertEquals(PianoRoll.from(RollScores.of(24, one)), PianoRoll.from(RollScores.of(24, both)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void threadsAskingForAPlaneTogetherGetTheSamePaintedPlane(int threads) throws Exception {
        PianoRoll roll = PianoRoll.from(RollScores.offGrid(11, 480),
                PianoRollConfig.defaults().withPlanes(EnumSet.of(RollPlane.FRAME, RollPlane.OFFSET)));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<ByteBuffer>> asks = new ArrayList<>();
            for (int i = 0; i < 4 * threads; i++) {
                RollPlane plane = i % 2 == 0 ? RollPlane.FRAME : RollPlane.OFFSET;
                asks.add(() -> roll.planeBuffer(plane));
            }
            List<Future<ByteBuffer>> got = pool.invokeAll(asks);
            Score score = RollScores.offGrid(11, 480);
            for (int i = 0; i < got.size(); i++) {
                RollPlane plane = i % 2 == 0 ? RollPlane.FRAME : RollPlane.OFFSET;
                assertEquals(ByteBuffer.wrap(reference(score, roll.config(), plane, roll.stepCount())), got.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void copyPlaneToWritesThePlaneOverStaleBytesWhetherPaintedOrNot() {
        Score score = RollScores.offGrid(12, 480);
        PianoRoll roll = PianoRoll.from(score);
        int size = roll.trackCount() * roll.stepCount() * 128;
        byte[] buffer = new byte[size + 10];
        for (RollPlane plane : RollPlane.values()) {
            byte[] expected = reference(score, roll.config(), plane, roll.stepCount());
            for (PianoRoll r : List.of(PianoRoll.from(score), roll, asPlanes(roll))) { // unpainted, painted below, planes
                Arrays.fill(buffer, (byte) 99);
                r.copyPlaneTo(plane, buffer, 7);
                assertArrayEquals(expected, Arrays.copyOfRange(buffer, 7, 7 + size), plane.toString());
                assertEquals(99, buffer[6]);
                assertEquals(99, buffer[7 + size]);
                r.planeBuffer(plane);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> roll.copyPlaneTo(RollPlane.FRAME, buffer, 11));
        PianoRoll frameOnly = PianoRoll.from(score, PianoRollConfig.defaults().withPlanes(EnumSet.of(RollPlane.FRAME)));
        assertThrows(IllegalStateException.class, () -> frameOnly.copyPlaneTo(RollPlane.ONSET, buffer, 0));
    }
}
