package org.partita.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the (query, key) pairs of every analysed head with value-indexed bins, no per-pair
 * allocation: O(H·n²) per sequence (ATTENTION.md, "Cost"). The causal-uniform baseline is the very
 * same code run on uniform weights {@code (float) 1/(q+1)}, so uniform attention has gain exactly 0;
 * pair counts are the same code run on weight 1 (exact as doubles up to 2^53 pairs).
 */
final class SequenceAnalyzer {

    /** Fills {@code into[0..limit)} with the weights query row {@code q} gives keys {@code 0..limit-1}. */
    private interface Rows {
        void row(int q, double[] into, int limit);
    }

    private static final Field[] DIFF_FIELDS = {Field.BEAT, Field.POSITION, Field.BAR, Field.PITCH};

    private SequenceAnalyzer() {
    }

    static SequenceStats analyze(AnalysisSettings settings, SequenceAttention seq, boolean summaries) {
        int[] layers = settings.layersOf(seq.layers());
        int heads = seq.heads();
        int n = seq.tokens();
        TokenAttributes attrs = seq.attributes();
        Units units = settings.unit() == Unit.NOTE ? Units.notes(attrs) : Units.tokens(attrs);
        boolean mmt = settings.baseline() == Baseline.MMT;
        boolean uniform = settings.baseline() == Baseline.CAUSAL_UNIFORM;

        // passes: diff fields needed (interval-class reads the pitch bins), and the instrument matrix
        List<Field> passes = new ArrayList<>();
        for (Field f : DIFF_FIELDS) {
            if (settings.fields().contains(f) || (f == Field.PITCH && settings.fields().contains(Field.INTERVAL_CLASS))) {
                passes.add(f);
            }
        }
        boolean instrument = settings.fields().contains(Field.INSTRUMENT);
        int p = passes.size();
        int[][] codes = new int[p][];
        int[][] keys = new int[p][];
        int[] offsets = new int[p];
        for (int i = 0; i < p; i++) {
            codes[i] = units.codes(passes.get(i));
            keys[i] = Units.present(codes[i]);
            offsets[i] = span(codes[i]);
        }
        int[] programCodes = instrument ? units.codes(Field.INSTRUMENT) : null;
        int[] programKeys = instrument ? Units.present(programCodes) : null;

        int analysed = layers.length * heads;
        int matrices = analysed + 2; // + uniform + ones
        int uniformIndex = analysed;
        int onesIndex = analysed + 1;
        double[][][] bins = new double[p][matrices][];
        for (int i = 0; i < p; i++) {
            for (int m = 0; m < matrices; m++) {
                bins[i][m] = new double[2 * offsets[i] + 1];
            }
        }
        double[][] instruments = instrument ? new double[matrices][SequenceStats.PROGRAMS * SequenceStats.PROGRAMS] : null;

        double[] buffer = new double[n];
        double[][] noteWeights = units.isNotes() ? new double[units.count][units.count] : null;
        for (int m = 0; m < matrices; m++) {
            if (m == uniformIndex && !uniform) {
                continue;
            }
            Rows tokenRows;
            if (m == onesIndex) {
                tokenRows = (q, into, limit) -> Arrays.fill(into, 0, limit, 1.0);
            } else if (m == uniformIndex) {
                tokenRows = (q, into, limit) -> Arrays.fill(into, 0, limit, (double) (1f / (q + 1)));
            } else {
                float[][] a = seq.weights()[layers[m / heads]][m % heads];
                tokenRows = (q, into, limit) -> {
                    float[] row = a[q];
                    for (int t = 0; t < limit; t++) {
                        into[t] = row[t];
                    }
                };
            }
            Rows unitRows = tokenRows;
            if (units.isNotes() && m != onesIndex) {
                aggregateToNotes(tokenRows, units, n, buffer, noteWeights);
                unitRows = (q, into, limit) -> System.arraycopy(noteWeights[q], 0, into, 0, limit);
            }
            double[][] binsOfM = new double[p][];
            for (int i = 0; i < p; i++) {
                binsOfM[i] = bins[i][m];
            }
            binPairs(unitRows, units.count, mmt, codes, keys, offsets, binsOfM, buffer,
                    programCodes, programKeys, instruments == null ? null : instruments[m]);
        }

        Map<Field, FieldBins> out = new EnumMap<>(Field.class);
        for (int i = 0; i < p; i++) {
            Field f = passes.get(i);
            FieldBins fb = new FieldBins(-offsets[i], Arrays.copyOf(bins[i], analysed), uniform ? bins[i][uniformIndex] : null,
                    bins[i][onesIndex]);
            if (settings.fields().contains(f)) {
                out.put(f, fb);
            }
            if (f == Field.PITCH && settings.fields().contains(Field.INTERVAL_CLASS)) {
                out.put(Field.INTERVAL_CLASS, fb.foldedToIntervalClass());
            }
        }
        double[][] instrumentSums = null;
        if (instrument) {
            out.put(Field.INSTRUMENT, instrumentBins(instruments, analysed, uniform ? uniformIndex : -1, onesIndex));
            instrumentSums = Arrays.copyOf(instruments, analysed + 1);
            instrumentSums[analysed] = instruments[uniform ? uniformIndex : onesIndex];
        }
        HeadSums[] sums = summaries ? HeadSummaries.sums(seq, layers) : null;
        return new SequenceStats(seq.index(), n, layers, heads, out, sums, instrumentSums);
    }

    /** max − min of the present codes (0 when none): differences lie in [−span, span]. */
    private static int span(int[] codes) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c : codes) {
            if (c != TokenAttributes.ABSENT) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        return min > max ? 0 : Math.toIntExact((long) max - min);
    }

    /**
     * A(Q, K) = mean over Q's tokens q of the sum over K's tokens t &lt; q of a(q, t), for every note
     * pair (read only for K before Q).
     */
    private static void aggregateToNotes(Rows tokenRows, Units units, int n, double[] buffer, double[][] a) {
        for (double[] row : a) {
            Arrays.fill(row, 0);
        }
        int[] unitOf = units.unitOfToken;
        for (int q = 0; q < n; q++) {
            int uq = unitOf[q];
            if (uq < 0) {
                continue;
            }
            tokenRows.row(q, buffer, q);
            double[] target = a[uq];
            for (int t = 0; t < q; t++) {
                int ut = unitOf[t];
                if (ut >= 0) {
                    target[ut] += buffer[t];
                }
            }
        }
        for (int u = 0; u < units.count; u++) {
            double inv = 1.0 / units.tokensPerUnit[u];
            double[] row = a[u];
            for (int k = 0; k < u; k++) {
                row[k] *= inv;
            }
        }
    }

    /**
     * Adds the weights of the counted pairs to the bins: causal pairs (key before query) or, for mmt,
     * the reference grid (queries 1..n−1, keys 0..n−2, self and future keys included).
     */
    private static void binPairs(Rows rows, int count, boolean mmt, int[][] codes, int[][] keys, int[] offsets,
                                 double[][] bins, double[] buffer, int[] programCodes, int[] programKeys, double[] instrument) {
        int[][] groups = groups(keys);
        int[] below = new int[groups.length]; // number of the group's keys < limit, advanced as q grows
        int programBelow = 0;
        for (int q = mmt ? 1 : 0; q < count; q++) {
            int limit = mmt ? count - 1 : q;
            if (limit == 0) {
                continue;
            }
            rows.row(q, buffer, limit);
            for (int g = 0; g < groups.length; g++) {
                int[] group = groups[g];
                int[] ks = keys[group[0]];
                int b = below[g];
                while (b < ks.length && ks[b] < limit) {
                    b++;
                }
                below[g] = b;
                if (codes[group[0]][q] == TokenAttributes.ABSENT) {
                    continue; // same key set, so the same presence for every member
                }
                if (group.length == 3) {
                    binThree(ks, b, buffer, codes, offsets, bins, group, q);
                } else {
                    for (int i : group) {
                        int[] code = codes[i];
                        double[] target = bins[i];
                        int shift = offsets[i] - code[q];
                        for (int j = 0; j < b; j++) {
                            int t = ks[j];
                            target[code[t] + shift] += buffer[t];
                        }
                    }
                }
            }
            if (instrument != null) {
                while (programBelow < programKeys.length && programKeys[programBelow] < limit) {
                    programBelow++;
                }
                int cq = programCodes[q];
                if (cq == TokenAttributes.ABSENT) {
                    continue;
                }
                int rowStart = (cq + 1) * SequenceStats.PROGRAMS + 1;
                for (int j = 0; j < programBelow; j++) {
                    int t = programKeys[j];
                    instrument[rowStart + programCodes[t]] += buffer[t];
                }
            }
        }
    }

    /** Three fields over the same keys (beat, position and bar usually) in one loop: one read of each weight. */
    private static void binThree(int[] ks, int b, double[] buffer, int[][] codes, int[] offsets, double[][] bins, int[] group,
                                 int q) {
        int[] c0 = codes[group[0]];
        int[] c1 = codes[group[1]];
        int[] c2 = codes[group[2]];
        double[] t0 = bins[group[0]];
        double[] t1 = bins[group[1]];
        double[] t2 = bins[group[2]];
        int s0 = offsets[group[0]] - c0[q];
        int s1 = offsets[group[1]] - c1[q];
        int s2 = offsets[group[2]] - c2[q];
        for (int j = 0; j < b; j++) {
            int t = ks[j];
            double w = buffer[t];
            t0[c0[t] + s0] += w;
            t1[c1[t] + s1] += w;
            t2[c2[t] + s2] += w;
        }
    }

    /** Passes with identical key sets, grouped (at most three to a group), so their pairs are walked once. */
    private static int[][] groups(int[][] keys) {
        List<int[]> out = new ArrayList<>();
        boolean[] taken = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (taken[i]) {
                continue;
            }
            List<Integer> g = new ArrayList<>(List.of(i));
            for (int j = i + 1; j < keys.length && g.size() < 3; j++) {
                if (!taken[j] && Arrays.equals(keys[i], keys[j])) {
                    g.add(j);
                    taken[j] = true;
                }
            }
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return out.toArray(new int[0][]);
    }

    /** Instrument bins k = 0 (different program) and k = 1 (same program) from the program matrices. */
    private static FieldBins instrumentBins(double[][] matrices, int analysed, int uniformIndex, int onesIndex) {
        double[][] w = new double[analysed][];
        for (int m = 0; m < analysed; m++) {
            w[m] = sameOrNot(matrices[m]);
        }
        return new FieldBins(0, w, uniformIndex < 0 ? null : sameOrNot(matrices[uniformIndex]), sameOrNot(matrices[onesIndex]));
    }

    private static double[] sameOrNot(double[] matrix) {
        double[] out = new double[2];
        int k = SequenceStats.PROGRAMS;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i == j ? 1 : 0] += matrix[i * k + j];
            }
        }
        return out;
    }
}
