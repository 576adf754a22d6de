package org.partita.attention;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Percentile bootstrap over sequences: resample the sequences with replacement (seeded
 * XO_RO_SHI_RO_128_PP from Commons RNG), recompute the pooled statistic, take the percentiles with
 * Commons Statistics (Hyndman–Fan 7, numpy's default). The same resamples serve every field and head.
 */
final class Resampling {

    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private Resampling() {
    }

    /** {@code [samples][sequences]}: how often each sequence is drawn in each resample. */
    static int[][] counts(int samples, int sequences, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[][] out = new int[samples][sequences];
        for (int b = 0; b < samples; b++) {
            for (int i = 0; i < sequences; i++) {
                out[b][rng.nextInt(sequences)]++;
            }
        }
        return out;
    }

    /** The two-sided percentile interval at {@code confidence} (values is reordered). */
    static double[] interval(double[] values, double confidence) {
        double alpha = (1 - confidence) / 2;
        return QUANTILE.evaluate(values, alpha, 1 - alpha);
    }
}
