package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.Vocabulary;

class RemiDecodeRobustnessTest {

    private final RemiTokenizer tok = RemiTokenizer.of(RemiConfig.defaults());
    private final Vocabulary v = tok.vocabulary();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99999})
    void decodeNeverThrowsOnSeededRandomIdsIncludingOutOfRange(long seed) {
        Random r = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int length = round % 5 == 0 ? r.nextInt(20_000) : r.nextInt(40);
            int[] ids = new int[length];
            for (int i = 0; i < length; i++) {
                ids[i] = r.nextInt(10) == 0 ? r.nextInt() : r.nextInt(v.size());
            }
            Decoded d = tok.decode(ids);
            assertEquals(480, d.score().ticksPerQuarter());
            double rate = tok.grammar().errorRate(ids);
            assertTrue(rate >= 0 && rate <= 1, "error rate " + rate);
        }
    }

    @Test
    void decodeOfEmptyAndNullIsAnEmptyScoreWithACleanReport() {
        assertTrue(tok.decode(new int[0]).report().isClean());
        assertEquals(0, tok.decode(null).score().noteCount());
    }

    @Test
    void aPitchWithoutVelocityIsDroppedAndCounted() {
        int[] ids = {v.id("Bar_None"), v.id("TimeSig_4/4"), v.id("Position_0"), v.id("Program_0"), v.id("Pitch_60"),
            v.id("Duration_1.0.8")};
        Decoded d = tok.decode(ids);
        assertEquals(0, d.score().noteCount());
        assertEquals(1, d.report().count(Violation.NOTE_WITHOUT_VELOCITY));
        assertEquals(1, d.report().count(Violation.STRAY_NOTE_ATTRIBUTE));
    }

    @Test
    void aBackwardsPositionIsKeptAndCounted() {
        int[] ids = {v.id("Bar_None"), v.id("TimeSig_4/4"), v.id("Position_8"), v.id("Program_0"), v.id("Pitch_60"),
            v.id("Velocity_63"), v.id("Duration_1.0.8"), v.id("Position_4"), v.id("Program_0"), v.id("Pitch_62"),
            v.id("Velocity_63"), v.id("Duration_1.0.8")};
        Decoded d = tok.decode(ids);
        assertEquals(2, d.score().noteCount());
        assertEquals(1, d.report().count(Violation.POSITION_BACKWARDS));
        assertEquals(240, d.score().tracks().get(0).notes().get(0).startTick());
    }

    @Test
    void unknownIdsAreCountedAndSkipped() {
        Decoded d = tok.decode(new int[] {-5, v.size(), Integer.MAX_VALUE});
        assertEquals(3, d.report().count(Violation.UNKNOWN_ID));
    }

    @Test
    void barsFollowTheMeterAfterAChange() {
        int[] ids = {v.id("Bar_None"), v.id("TimeSig_3/4"), v.id("Bar_None"), v.id("TimeSig_3/4"), v.id("Position_0"),
            v.id("Program_-1"), v.id("PitchDrum_36"), v.id("Velocity_127"), v.id("Duration_0.4.8")};
        Decoded d = tok.decode(ids);
        assertTrue(d.report().isClean(), d.report().toString());
        assertEquals(3 * 480, d.score().tracks().get(0).notes().get(0).startTick());
        assertTrue(d.score().tracks().get(0).isDrum());
        assertEquals(3, d.score().timeSignatures().get(0).numerator());
    }
}
