package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {
    static final float[] LOGITS = {0.1f, 3.0f, 2.9f, -1f, 2.0f};
    static final GenerationConfig C = GenerationConfig.defaults().withTopP(1.0);

    @Test
    void temperatureZeroIsArgmax() {
        assertEquals(1, Sampler.sample(LOGITS, null, C.withTemperature(0), new SplittableRandom(1)));
    }

    @Test
    void topKOneIsArgmaxWhateverTheRandomDraw() {
        for (int seed = 0; seed < 50; seed++) {
            assertEquals(1, Sampler.sample(LOGITS, null, C.withTopK(1), new SplittableRandom(seed)));
        }
    }

    @Test
    void topPKeepsOnlyTheSmallestSetReachingP() {
        // p(1) ≈ 0.43, p(2) ≈ 0.39: top-p 0.5 keeps ids 1 and 2 only.
        for (int seed = 0; seed < 200; seed++) {
            int id = Sampler.sample(LOGITS, null, C.withTopP(0.5), new SplittableRandom(seed));
            assertTrue(id == 1 || id == 2, "got " + id);
        }
    }

    @Test
    void maskLimitsTheCandidatesAndAnEmptyMaskIsAnError() {
        BitSet only3 = new BitSet();
        only3.set(3);
        assertEquals(3, Sampler.sample(LOGITS, only3, C, new SplittableRandom(1)));
        assertThrows(IllegalStateException.class, () -> Sampler.sample(LOGITS, new BitSet(), C, new SplittableRandom(1)));
    }

    @Test
    void samplingFollowsTheSoftmaxDistribution() {
        int[] counts = new int[5];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 20000; i++) {
            counts[Sampler.sample(LOGITS, null, C, rng)]++;
        }
        double z = 0;
        for (float l : LOGITS) {
            z += Math.exp(l);
        }
        for (int id = 0; id < 5; id++) {
            assertEquals(Math.exp(LOGITS[id]) / z, counts[id] / 20000.0, 0.015, "id " + id);
        }
    }
}
