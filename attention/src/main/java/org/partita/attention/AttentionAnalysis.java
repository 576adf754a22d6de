package org.partita.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Relative attention analysis (ATTENTION.md): {@link #analyze} turns one sequence's attention into
 * small per-sequence sums (pure; call it from several threads at once), {@link #add} collects them,
 * {@link #result} pools them (sums over all sequences before dividing) and bootstraps over sequences.
 *
 * <p>Not thread-safe for {@link #add}/{@link #result}: one collecting thread.
 */
public final class AttentionAnalysis {

    private final AnalysisSettings settings;
    private final boolean summaries;
    private final List<SequenceStats> stats = new ArrayList<>();

    /**
     * @param summaries whether to compute head summaries (entropy etc.; costs one logarithm per
     *                  attention weight, about as much as the six fields together)
     */
    public AttentionAnalysis(AnalysisSettings settings, boolean summaries) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.summaries = summaries;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /** The sums of one sequence; the sequence is assumed {@linkplain SequenceAttention#validated() valid}. */
    public SequenceStats analyze(SequenceAttention sequence) {
        return SequenceAnalyzer.analyze(settings, sequence, summaries);
    }

    /** Adds one sequence's sums; all must come from attention with the same layers and heads. */
    public void add(SequenceStats s) {
        if (!stats.isEmpty()) {
            SequenceStats first = stats.get(0);
            if (first.heads() != s.heads() || !Arrays.equals(first.layers(), s.layers())) {
                throw new InvalidAttentionException("sequence " + s.index() + ": " + s.layers().length + " layers x " + s.heads()
                        + " heads analysed, sequence " + first.index() + " had " + first.layers().length + " x " + first.heads());
            }
        }
        stats.add(s);
    }

    /** Number of sequences added. */
    public int sequences() {
        return stats.size();
    }

    /** Pooled statistics with bootstrap intervals. */
    public AttentionResult result() {
        if (stats.isEmpty()) {
            throw new IllegalStateException("no sequences were analysed");
        }
        SequenceStats first = stats.get(0);
        int[] layers = first.layers();
        int heads = first.heads();
        int[][] resamples = Resampling.counts(settings.bootstrapSamples(), stats.size(), settings.seed());
        List<RelativeRow> rows = new ArrayList<>();
        Map<Field, Map<Integer, HeadSummary.Peak>> peaks = new EnumMap<>(Field.class);
        double[] distance = null;
        for (Field f : settings.fields()) {
            PooledField pooled = PooledField.of(f, stats, layers, heads, resamples, settings.confidence());
            rows.addAll(pooled.rows());
            peaks.put(f, pooled.peaks());
            if (f == Field.BEAT) {
                distance = pooled.meanAbsoluteK();
            }
        }
        long tokens = stats.stream().mapToLong(SequenceStats::tokens).sum();
        List<HeadSummary> headSummaries = summaries ? HeadSummaryPooling.pool(stats, layers, heads, peaks, distance) : List.of();
        List<InstrumentShare> instruments = settings.fields().contains(Field.INSTRUMENT)
                ? InstrumentPooling.pool(stats, layers, heads) : List.of();
        return new AttentionResult(settings, stats.size(), tokens, Arrays.stream(layers).boxed().toList(), heads, rows,
                headSummaries, instruments);
    }
}
