package org.partita.attention;

/**
 * One row of {@code attention.csv}: for a field, a layer, a head ({@link #MEAN_HEAD} for the mean of
 * the layer's heads' gamma) and a difference {@code k}: gamma, the baseline, their difference (gain)
 * and ratio, the number of counted pairs, and percentile-bootstrap intervals for gamma and gain (NaN
 * without bootstrap).
 */
public record RelativeRow(Field field, int layer, int head, int k, double gamma, double baseline, double diff, double ratio,
                          long pairs, double gammaLow, double gammaHigh, double diffLow, double diffHigh) {

    /** The head value of a layer's mean row. */
    public static final int MEAN_HEAD = -1;

    /** "mean" or the head number. */
    public String headLabel() {
        return head == MEAN_HEAD ? "mean" : Integer.toString(head);
    }
}
