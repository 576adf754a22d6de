package org.partita.evaluation.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SetComparisonTest {

    @Test
    void kdeUsesScottsBandwidth() {
        Kde k = Kde.of(new double[] {0, 2});
        double bw = Math.sqrt(2) * Math.pow(2, -0.2); // sample sd of {0, 2} is sqrt 2
        assertEquals(bw, k.bandwidth(), 1e-12);
        // at x = 1 both kernels are one unit away: 2 * phi(1 / bw) / (2 bw)
        double expected = Math.exp(-0.5 / (bw * bw)) / Math.sqrt(2 * Math.PI) / bw;
        assertEquals(expected, k.density(1), 1e-12);
    }

    @Test
    void klDivergenceNormalisesBothVectors() {
        // p = (0.5, 0.5), q = (0.25, 0.75) after normalising
        double expected = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        assertEquals(expected, SetComparison.klDivergence(new double[] {2, 2}, new double[] {1, 3}), 1e-12);
    }

    @Test
    void intraAndInterSetDistancesOfSmallSets() {
        MetricComparison c = SetComparison.defaults().compare(new double[] {1, 2, Double.NaN, 4}, new double[] {0, 3});
        assertEquals(3, c.generatedCount());
        assertEquals(7.0 / 3.0, c.generatedMean(), 1e-12);
        // intra generated: |1-2| |1-4| |2-4| = 1 3 2
        assertEquals(2.0, c.intraGeneratedMean(), 1e-12);
        assertEquals(1.0, c.intraGeneratedSd(), 1e-12);
        // intra reference: the one pair |0-3|
        assertEquals(3.0, c.intraReferenceMean(), 1e-12);
        // inter: 1 2 2 1 4 1
        assertEquals(11.0 / 6.0, c.interMean(), 1e-12);
        // one reference distance has no spread: no density
        assertTrue(Double.isNaN(c.overlapArea()));
        assertTrue(Double.isNaN(c.klDivergence()));
    }

    @Test
    void setsFromOneDistributionOverlapAndShiftedSetsDoNot() {
        SplittableRandom r = new SplittableRandom(5);
        double[] a = new double[300];
        double[] b = new double[300];
        double[] far = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = gaussian(r);
            b[i] = gaussian(r);
            far[i] = gaussian(r) + 8;
        }
        MetricComparison same = SetComparison.defaults().compare(b, a);
        MetricComparison shifted = SetComparison.defaults().compare(far, a);
        assertTrue(same.overlapArea() > 0.95, "same " + same);
        assertTrue(same.klDivergence() < 0.01, "same " + same);
        assertTrue(shifted.overlapArea() < 0.05, "shifted " + shifted);
        assertTrue(shifted.klDivergence() > 1.0, "shifted " + shifted);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
