package org.partita.attention;

import java.util.Map;

/**
 * What one sequence contributes to the pooled statistics: value-indexed bins per field, head-summary
 * sums and query-instrument × key-instrument sums. Produced by {@link AttentionAnalysis#analyze} (pure,
 * thread-safe to call concurrently), consumed by {@link AttentionAnalysis#add}. Small: a few hundred
 * kilobytes at most, independent of the attention's size.
 *
 * @param index       the sequence number
 * @param tokens      its length
 * @param layers      the analysed layers (0-based)
 * @param heads       heads per layer
 * @param bins        per requested field
 * @param headSums    per analysed head (layer-major), null when summaries were not asked for
 * @param instruments per analysed head, {@code [129 × 129]} sums with index (program+1)·129 + program+1 of
 *                    (query, key); the last entry holds the baseline's; null without the instrument field
 */
public record SequenceStats(int index, int tokens, int[] layers, int heads, Map<Field, FieldBins> bins, HeadSums[] headSums,
                            double[][] instruments) {

    /** Programs −1 (drums) … 127 mapped to 0 … 128. */
    static final int PROGRAMS = 129;
}
