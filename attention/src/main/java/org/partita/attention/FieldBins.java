package org.partita.attention;

/**
 * Value-indexed sums of one sequence for one field: index {@code i} holds difference
 * {@code k = kMin + i}. {@code weighted[m]} sums the attention of analysed head {@code m}
 * (layers in order, heads within), {@code uniform} the same statistic on uniform causal attention
 * (null unless the baseline is causal-uniform), {@code pairs} the number of counted pairs.
 */
record FieldBins(int kMin, double[][] weighted, double[] uniform, double[] pairs) {

    int size() {
        return pairs.length;
    }

    /** The interval-class view of signed pitch bins: k = abs(d) mod 12. */
    FieldBins foldedToIntervalClass() {
        double[][] w = new double[weighted.length][12];
        double[] u = uniform == null ? null : new double[12];
        double[] p = new double[12];
        for (int i = 0; i < pairs.length; i++) {
            int ic = Math.abs(kMin + i) % 12;
            for (int m = 0; m < weighted.length; m++) {
                w[m][ic] += weighted[m][i];
            }
            if (u != null) {
                u[ic] += uniform[i];
            }
            p[ic] += pairs[i];
        }
        return new FieldBins(0, w, u, p);
    }
}
