package org.partita.training;

import java.util.Arrays;
import java.util.BitSet;
import java.util.random.RandomGenerator;

/** Picks the next id from one row of logits, in plain Java so that sampling is exact and reproducible. */
final class Sampler {
    private Sampler() {}

    static int sample(float[] logits, BitSet allowed, GenerationConfig c, RandomGenerator rng) {
        int n = 0;
        Integer[] ids = new Integer[logits.length];
        for (int id = 0; id < logits.length; id++) {
            if ((allowed == null || allowed.get(id)) && !Float.isNaN(logits[id])) {
                ids[n++] = id;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("the logits mask allows no token (allowed: " + allowed + ")");
        }
        Integer[] cand = Arrays.copyOf(ids, n);
        // Most likely first; ties by lower id so the order never depends on the sort's stability.
        Arrays.sort(cand, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        if (c.temperature() == 0) {
            return cand[0];
        }
        int k = c.topK() > 0 ? Math.min(c.topK(), n) : n;
        double[] p = new double[k];
        double max = logits[cand[0]];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp((logits[cand[i]] - max) / c.temperature());
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
                return cand[i];
            }
        }
        return cand[keep - 1];
    }
}
