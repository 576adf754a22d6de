package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutMasksTest {
    @Test
    void dropsAboutPAndScalesTheRestSoTheMeanIsKept() {
        int n = 1_000_001; // odd: the last element takes its own draw
        float[] m = DropoutMasks.forStep(0.1, 42).mask(n);
        int dropped = 0;
        double sum = 0;
        for (float v : m) {
            assertTrue(v == 0f || v == (float) (1 / 0.9), "mask value " + v);
            dropped += v == 0f ? 1 : 0;
            sum += v;
        }
        // Binomial(n, 0.1): standard deviation 300, so 5 sigma is 1,500.
        assertEquals(100_000, dropped, 1_500, "dropped elements");
        assertEquals(1.0, sum / n, 0.002, "mean of the mask");
    }

    @Test
    void sameSeedGivesSameMasksAndOtherSeedsDiffer() {
        float[] a = DropoutMasks.forStep(0.3, 7).mask(1000);
        assertArrayEquals(a, DropoutMasks.forStep(0.3, 7).mask(1000));
        assertFalse(Arrays.equals(a, DropoutMasks.forStep(0.3, 8).mask(1000)));
    }

    @Test
    void applyMultipliesByTheMaskAndZeroProbabilityIsIdentity() {
        try (NDManager m = DjlRuntime.engine(1).newBaseManager()) {
            NDArray x = m.ones(new Shape(4, 50));
            float[] expected = DropoutMasks.forStep(0.5, 3).mask(200);
            assertArrayEquals(expected, DropoutMasks.forStep(0.5, 3).apply(m, x).toFloatArray());
            assertSame(x, DropoutMasks.forStep(0, 3).apply(m, x));
        }
    }

    @Test
    void masksOfOneStepStayIntactAndARecycledStepRepeatsItsMasks() {
        try (NDManager m = DjlRuntime.engine(1).newBaseManager()) {
            NDArray x = m.ones(new Shape(1000));
            DropoutMasks d = DropoutMasks.forStep(0.5, 11);
            NDArray first = d.apply(m, x);
            float[] firstValues = first.toFloatArray();
            NDArray second = d.apply(m, x); // must not reuse the first one's buffer within the step
            assertArrayEquals(firstValues, first.toFloatArray(), "first mask after drawing the second");
            assertFalse(Arrays.equals(firstValues, second.toFloatArray()));
            try (NDManager step = m.newSubManager()) {
                d.startStep(11);
                assertArrayEquals(firstValues, d.apply(step, x).toFloatArray(), "same seed, recycled buffer");
            }
        }
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> DropoutMasks.forStep(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> DropoutMasks.forStep(-0.1, 1));
    }
}
