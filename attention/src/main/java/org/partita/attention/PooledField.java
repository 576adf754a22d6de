package org.partita.attention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One field pooled over sequences: gamma_k = Σ_s w_s(k) / Σ_s Σ_k w_s(k) per head, the baseline the
 * same way, the layer's mean row as the mean of its heads' gamma, and bootstrap intervals from the
 * same resampled sums.
 */
final class PooledField {

    private final List<RelativeRow> rows = new ArrayList<>();
    private final Map<Integer, HeadSummary.Peak> peaks = new HashMap<>();
    private double[] meanAbsoluteK;

    private PooledField() {
    }

    List<RelativeRow> rows() {
        return rows;
    }

    /** Largest gain per analysed head index (layer-major), mean rows at index −1 − layer index. */
    Map<Integer, HeadSummary.Peak> peaks() {
        return peaks;
    }

    /** Σ|k|·w / Σ w per analysed head: the mean attention distance (in beats for the beat field). */
    double[] meanAbsoluteK() {
        return meanAbsoluteK;
    }

    static PooledField of(Field field, List<SequenceStats> stats, int[] layers, int heads, int[][] resamples, double confidence) {
        int kMin = Integer.MAX_VALUE;
        int kMax = Integer.MIN_VALUE;
        for (SequenceStats s : stats) {
            FieldBins b = s.bins().get(field);
            kMin = Math.min(kMin, b.kMin());
            kMax = Math.max(kMax, b.kMin() + b.size() - 1);
        }
        int size = kMax - kMin + 1;
        int analysed = layers.length * heads;
        int sequences = stats.size();
        // dense per-sequence arrays over the common k range: [s][m][k], baseline [s][k]
        double[][][] w = new double[sequences][analysed][size];
        double[][] base = new double[sequences][size];
        long[] pairs = new long[size];
        for (int s = 0; s < sequences; s++) {
            FieldBins b = stats.get(s).bins().get(field);
            int off = b.kMin() - kMin;
            for (int m = 0; m < analysed; m++) {
                System.arraycopy(b.weighted()[m], 0, w[s][m], off, b.size());
            }
            double[] baseBins = b.uniform() != null ? b.uniform() : b.pairs();
            System.arraycopy(baseBins, 0, base[s], off, b.size());
            for (int i = 0; i < b.size(); i++) {
                pairs[off + i] += Math.round(b.pairs()[i]);
            }
        }
        int[] all = new int[sequences];
        java.util.Arrays.fill(all, 1);
        double[][] gamma = new double[analysed][];
        for (int m = 0; m < analysed; m++) {
            gamma[m] = pooledShare(w, m, all, size);
        }
        double[] baseline = pooledShare(base, all, size);

        int samples = resamples.length;
        double[][][] gammaB = new double[analysed + layers.length][size][samples];
        double[][] baseB = new double[size][samples];
        for (int b = 0; b < samples; b++) {
            double[] bb = pooledShare(base, resamples[b], size);
            for (int k = 0; k < size; k++) {
                baseB[k][b] = bb[k];
            }
            for (int li = 0; li < layers.length; li++) {
                double[][] g = new double[heads][];
                for (int h = 0; h < heads; h++) {
                    int m = li * heads + h;
                    g[h] = pooledShare(w, m, resamples[b], size);
                    for (int k = 0; k < size; k++) {
                        gammaB[m][k][b] = g[h][k];
                    }
                }
                double[] mean = headMean(g);
                for (int k = 0; k < size; k++) {
                    gammaB[analysed + li][k][b] = mean[k];
                }
            }
        }

        PooledField out = new PooledField();
        out.meanAbsoluteK = new double[analysed + layers.length];
        for (int li = 0; li < layers.length; li++) {
            double[] mean = headMean(java.util.Arrays.copyOfRange(gamma, li * heads, (li + 1) * heads));
            for (int h = 0; h <= heads; h++) {
                boolean isMean = h == heads;
                int m = isMean ? analysed + li : li * heads + h;
                double[] g = isMean ? mean : gamma[m];
                HeadSummary.Peak best = null;
                double distanceNum = 0;
                double distanceDen = 0;
                for (int k = 0; k < size; k++) {
                    if (pairs[k] == 0) {
                        continue;
                    }
                    double diff = g[k] - baseline[k];
                    double[] gi = {Double.NaN, Double.NaN};
                    double[] di = {Double.NaN, Double.NaN};
                    if (samples > 0) {
                        double[] diffs = new double[samples];
                        for (int b = 0; b < samples; b++) {
                            diffs[b] = gammaB[m][k][b] - baseB[k][b];
                        }
                        gi = Resampling.interval(gammaB[m][k].clone(), confidence);
                        di = Resampling.interval(diffs, confidence);
                    }
                    int kv = kMin + k;
                    rows_add(out, field, layers[li], isMean ? RelativeRow.MEAN_HEAD : h, kv, g[k], baseline[k], diff,
                            pairs[k], gi, di);
                    if (best == null || diff > best.diff()) {
                        best = new HeadSummary.Peak(kv, diff, di[0], di[1]);
                    }
                    distanceNum += Math.abs(kv) * g[k];
                    distanceDen += g[k];
                }
                int key = isMean ? -1 - li : m;
                if (best != null) {
                    out.peaks.put(key, best);
                }
                out.meanAbsoluteK[m] = distanceDen > 0 ? distanceNum / distanceDen : Double.NaN;
            }
        }
        return out;
    }

    private static void rows_add(PooledField out, Field field, int layer, int head, int k, double gamma, double baseline,
                                 double diff, long pairs, double[] gi, double[] di) {
        out.rows.add(new RelativeRow(field, layer, head, k, gamma, baseline, diff, gamma / baseline, pairs, gi[0], gi[1],
                di[0], di[1]));
    }

    /**
     * The mean of the heads' gamma, as g_0 + Σ_h (g_h − g_0)/H so that equal heads give exactly their
     * common value (uniform attention must have gain exactly 0 in the mean row too).
     */
    static double[] headMean(double[][] g) {
        int size = g[0].length;
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            double d = 0;
            for (double[] gh : g) {
                d += gh[k] - g[0][k];
            }
            out[k] = g[0][k] + d / g.length;
        }
        return out;
    }

    /** Σ_s c_s·w[s][m][k] normalised to sum 1 (all zeros stay zeros). */
    private static double[] pooledShare(double[][][] w, int m, int[] counts, int size) {
        double[] num = new double[size];
        for (int s = 0; s < counts.length; s++) {
            int c = counts[s];
            if (c == 0) {
                continue;
            }
            double[] ws = w[s][m];
            for (int k = 0; k < size; k++) {
                num[k] += c * ws[k];
            }
        }
        return normalised(num);
    }

    private static double[] pooledShare(double[][] w, int[] counts, int size) {
        double[] num = new double[size];
        for (int s = 0; s < counts.length; s++) {
            int c = counts[s];
            if (c == 0) {
                continue;
            }
            for (int k = 0; k < size; k++) {
                num[k] += c * w[s][k];
            }
        }
        return normalised(num);
    }

    private static double[] normalised(double[] num) {
        double total = 0;
        for (double v : num) {
            total += v;
        }
        if (total > 0) {
            for (int k = 0; k < num.length; k++) {
                num[k] /= total;
            }
        }
        return num;
    }
}
