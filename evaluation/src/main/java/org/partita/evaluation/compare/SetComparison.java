package org.partita.evaluation.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Compares a metric's values over generated and reference pieces ({@link MetricComparison}). Distances are drawn
 * for all pairs up to {@code maxPairs}; beyond that a seeded random sample of pairs is used (large reference
 * corpora have millions of pairs), so results are repeatable for a given seed. Densities are evaluated on
 * {@value #GRID} points spanning both distance sets and three bandwidths beyond; the overlap is integrated with the trapezoid rule and the KL
 * divergence is taken between the two normalised grid vectors, as {@code scipy.stats.entropy} does.
 * Immutable and thread-safe.
 *
 * @param maxPairs most distances drawn per distance set
 * @param seed     seed of the pair sampling
 */
public record SetComparison(int maxPairs, long seed) {

    static final int GRID = 1001;

    public SetComparison {
        if (maxPairs < 10) {
            throw new IllegalArgumentException("maxPairs must be >= 10, got " + maxPairs);
        }
    }

    /** 20,000 pairs per distance set, seed 13. */
    public static SetComparison defaults() {
        return new SetComparison(20_000, 13);
    }

    /** Compares one metric; NaN values are dropped first. */
    public MetricComparison compare(double[] generated, double[] reference) {
        double[] g = finite(generated);
        double[] r = finite(reference);
        SplittableRandom random = new SplittableRandom(seed);
        double[] intraG = intra(g, random);
        double[] intraR = intra(r, random);
        double[] inter = inter(g, r, random);
        double overlap = Double.NaN;
        double kl = Double.NaN;
        if (spread(intraR) && spread(inter)) {
            Kde p = Kde.of(intraR);
            Kde q = Kde.of(inter);
            // three bandwidths past the data on each side, so two equal sets overlap by ~1 (mgeval stops at the data)
            double margin = 3 * Math.max(p.bandwidth(), q.bandwidth());
            double lo = Math.min(min(intraR), min(inter)) - margin;
            double hi = Math.max(max(intraR), max(inter)) + margin;
            double[] pv = new double[GRID];
            double[] qv = new double[GRID];
            double step = (hi - lo) / (GRID - 1);
            for (int i = 0; i < GRID; i++) {
                double x = lo + i * step;
                pv[i] = p.density(x);
                qv[i] = q.density(x);
            }
            overlap = 0;
            for (int i = 0; i + 1 < GRID; i++) {
                overlap += 0.5 * step * (Math.min(pv[i], qv[i]) + Math.min(pv[i + 1], qv[i + 1]));
            }
            kl = klDivergence(pv, qv);
        }
        return new MetricComparison(g.length, r.length, Stats.mean(g), Stats.sd(g), Stats.mean(r), Stats.sd(r),
                Stats.mean(intraG), Stats.sd(intraG), Stats.mean(intraR), Stats.sd(intraR), Stats.mean(inter),
                Stats.sd(inter), overlap, kl);
    }

    /** KL(p || q) of two non-negative vectors, each normalised to sum 1; infinite where q is 0 and p is not. */
    static double klDivergence(double[] p, double[] q) {
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            if (pi > 0) {
                kl += qi > 0 ? pi * Math.log(pi / qi) : Double.POSITIVE_INFINITY;
            }
        }
        return kl;
    }

    private double[] intra(double[] x, SplittableRandom random) {
        long pairs = (long) x.length * (x.length - 1) / 2;
        if (pairs <= maxPairs) {
            double[] d = new double[(int) pairs];
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                for (int j = i + 1; j < x.length; j++) {
                    d[k++] = Math.abs(x[i] - x[j]);
                }
            }
            return d;
        }
        double[] d = new double[maxPairs];
        for (int k = 0; k < maxPairs; k++) {
            int i = random.nextInt(x.length);
            int j = random.nextInt(x.length - 1);
            d[k] = Math.abs(x[i] - x[j >= i ? j + 1 : j]);
        }
        return d;
    }

    private double[] inter(double[] a, double[] b, SplittableRandom random) {
        long pairs = (long) a.length * b.length;
        if (pairs <= maxPairs) {
            double[] d = new double[(int) pairs];
            int k = 0;
            for (double x : a) {
                for (double y : b) {
                    d[k++] = Math.abs(x - y);
                }
            }
            return d;
        }
        double[] d = new double[maxPairs];
        for (int k = 0; k < maxPairs; k++) {
            d[k] = Math.abs(a[random.nextInt(a.length)] - b[random.nextInt(b.length)]);
        }
        return d;
    }

    private static boolean spread(double[] x) {
        return x.length >= 2 && Stats.sd(x) > 0;
    }

    private static double[] finite(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }
}
