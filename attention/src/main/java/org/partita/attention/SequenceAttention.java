package org.partita.attention;

import java.util.Objects;

/**
 * The attention of one sequence, {@code weights[layer][head][query][key]} (post-softmax, rows are
 * queries), with one attribute row per token. Holds the arrays without copying them (they can be
 * hundreds of megabytes); callers must not change them afterwards.
 *
 * @param index      the sequence number {@code s} (the {@code attn_<s>} array), used in messages
 * @param weights    {@code [layers][heads][n][n]}
 * @param attributes one row per token ({@code n} rows)
 */
public record SequenceAttention(int index, float[][][][] weights, TokenAttributes attributes) {

    /** Largest accepted distance of a row sum from 1. */
    public static final double ROW_SUM_TOLERANCE = 1e-3;

    public SequenceAttention {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(attributes, "attributes");
    }

    public int layers() {
        return weights.length;
    }

    public int heads() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    public int tokens() {
        return attributes.size();
    }

    /**
     * Checks the rules of the interchange format and throws {@link InvalidAttentionException} naming the
     * sequence, layer, head and row of the first broken one: every layer has the same number of heads
     * (at least one), every head is {@code n × n} with {@code n} the number of attribute rows, no NaN or
     * negative weight, every row sums to 1 within {@value #ROW_SUM_TOLERANCE}.
     */
    public SequenceAttention validated() {
        int n = attributes.size();
        if (weights.length == 0 || weights[0].length == 0) {
            throw new InvalidAttentionException("sequence " + index + ": attention has no layers or no heads");
        }
        int heads = weights[0].length;
        for (int l = 0; l < weights.length; l++) {
            if (weights[l].length != heads) {
                throw new InvalidAttentionException("sequence " + index + ": layer " + l + " has " + weights[l].length
                        + " heads, layer 0 has " + heads);
            }
            for (int h = 0; h < heads; h++) {
                float[][] a = weights[l][h];
                if (a.length != n) {
                    throw new InvalidAttentionException("sequence " + index + ": layer " + l + " head " + h + " has " + a.length
                            + " query rows, the attributes have " + n + " tokens");
                }
                for (int q = 0; q < n; q++) {
                    checkRow(l, h, q, a[q], n);
                }
            }
        }
        return this;
    }

    private void checkRow(int l, int h, int q, float[] row, int n) {
        String where = "sequence " + index + ", layer " + l + ", head " + h + ", row " + q;
        if (row.length != n) {
            throw new InvalidAttentionException(where + ": " + row.length + " keys, expected " + n + " (attention must be square n x n)");
        }
        double sum = 0;
        for (int t = 0; t < n; t++) {
            float w = row[t];
            if (Float.isNaN(w) || w < 0 || Float.isInfinite(w)) {
                throw new InvalidAttentionException(where + ": weight " + w + " at key " + t + " (weights must be finite and >= 0)");
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
            throw new InvalidAttentionException(where + ": weights sum to " + sum + ", not 1 within " + ROW_SUM_TOLERANCE
                    + " (expected post-softmax attention)");
        }
    }
}
