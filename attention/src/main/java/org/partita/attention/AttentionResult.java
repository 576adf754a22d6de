package org.partita.attention;

import java.util.List;

/**
 * Everything an analysis found, pooled over its sequences.
 *
 * @param settings    how it was computed
 * @param sequences   number of sequences pooled
 * @param tokens      tokens over all sequences
 * @param layers      the analysed layers
 * @param heads       heads per layer
 * @param rows        per field, layer, head (then the layer's mean row), k ascending; only observed k
 * @param headSummaries per analysed head then the layer's mean; empty when summaries were not computed
 * @param instruments per analysed head, query program, key program
 */
public record AttentionResult(AnalysisSettings settings, int sequences, long tokens, List<Integer> layers, int heads,
                              List<RelativeRow> rows, List<HeadSummary> headSummaries, List<InstrumentShare> instruments) {

    public AttentionResult {
        layers = List.copyOf(layers);
        rows = List.copyOf(rows);
        headSummaries = List.copyOf(headSummaries);
        instruments = List.copyOf(instruments);
    }
}
