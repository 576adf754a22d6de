package org.partita.training;

import java.util.Arrays;
import java.util.BitSet;
import java.util.random.RandomGenerator;

/** Picks the next id from one row of logits, in plain Java so that sampling is exact and reproducible. */
final class Sampler {
    private Sampler() {}

    static int sample(float[] logits, BitSet allowed, GenerationConfig c, RandomGenerator rng) {
        // Candidates sorted most likely first, ties by lower id: key = (order-preserving bits of -logit, id).
        long[] keys = new long[logits.length];
        int n = 0;
        for (int id = 0; id < logits.length; id++) {
            if ((allowed == null || allowed.get(id)) && !Float.isNaN(logits[id])) {
                keys[n++] = ((long) sortable(-logits[id]) << 32) | id;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("the logits mask allows no token (allowed: " + allowed + ")");
        }
        Arrays.sort(keys, 0, n);
        if (c.temperature() == 0) {
            return id(keys[0]);
        }
        int k = c.topK() > 0 ? Math.min(c.topK(), n) : n;
        double[] p = new double[k];
        double max = logits[id(keys[0])];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp((logits[id(keys[i])] - max) / c.temperature());
            sum += p[i];
        }
        int keep = k;
        if (c.topP() < 1) {
            double cumulative = 0;
            for (int i = 0; i < k; i++) {
                cumulative += p[i] / sum;
                if (cumulative >= c.topP()) {
                    keep = i + 1;
                    break;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < keep; i++) {
            total += p[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < keep; i++) {
            u -= p[i];
            if (u < 0) {
                return id(keys[i]);
            }
        }
        return id(keys[keep - 1]);
    }

    private static int id(long key) {
        return (int) key;
    }

    /** An int whose signed order is the float's numeric order (-inf lowest). */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }
}
