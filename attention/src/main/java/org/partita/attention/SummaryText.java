package org.partita.attention;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** summary.txt: per field and layer, the differences with the largest head-mean gain, in sentences. */
final class SummaryText {

    private static final int TOP = 3;

    private SummaryText() {
    }

    static String of(AttentionResult r, RunInfo run) {
        AnalysisSettings s = r.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Relative attention of %d sequences (%d tokens), unit %s, baseline %s.%n",
                r.sequences(), r.tokens(), s.unit().label(), s.baseline().label()));
        sb.append(run.model() != null ? "Model " + run.model() + ", data " + run.data() : "Attention " + run.data()
                + ", attributes " + run.attributes()).append(".\n");
        sb.append(s.bootstrapSamples() > 0
                ? String.format(Locale.ROOT, "Intervals: %.0f%% percentile bootstrap over sequences, %d resamples, seed %d.%n",
                        100 * s.confidence(), s.bootstrapSamples(), s.seed())
                : "No intervals (bootstrap off).\n");
        sb.append("Gain = gamma - baseline, in percentage points of attention; mean = the mean of the layer's heads.\n");
        for (Field f : s.fields()) {
            sb.append('\n').append(f.label()).append(":\n");
            for (int layer : r.layers()) {
                List<RelativeRow> rows = r.rows().stream()
                        .filter(x -> x.field() == f && x.layer() == layer && x.head() == RelativeRow.MEAN_HEAD)
                        .sorted(Comparator.comparingDouble(RelativeRow::diff).reversed()).toList();
                sb.append("  Layer ").append(layer).append(": ");
                if (rows.isEmpty()) {
                    sb.append("no pairs had this field.\n");
                    continue;
                }
                RelativeRow least = rows.get(rows.size() - 1);
                rows = rows.stream().filter(x -> x.diff() > 0).limit(TOP).toList();
                if (rows.isEmpty()) {
                    sb.append("no difference gets more attention than the baseline; the largest shortfall is at ")
                            .append(kText(f, least.k())).append(String.format(Locale.ROOT, " (%+.2f points).%n", 100 * least.diff()));
                    continue;
                }
                for (int i = 0; i < rows.size(); i++) {
                    RelativeRow x = rows.get(i);
                    sb.append(i == 0 ? "largest gain at " : i == rows.size() - 1 ? " and at " : ", at ");
                    sb.append(kText(f, x.k())).append(String.format(Locale.ROOT, " (%+.2f points: %.2f%% vs %.2f%%",
                            100 * x.diff(), 100 * x.gamma(), 100 * x.baseline()));
                    if (!Double.isNaN(x.diffLow())) {
                        sb.append(String.format(Locale.ROOT, ", interval %+.2f to %+.2f%s", 100 * x.diffLow(), 100 * x.diffHigh(),
                                x.diffLow() > 0 ? ", excludes 0" : x.diffHigh() < 0 ? ", excludes 0" : ", includes 0"));
                    }
                    sb.append(')');
                }
                sb.append(".\n");
            }
        }
        return sb.toString();
    }

    private static String kText(Field f, int k) {
        return switch (f) {
            case BEAT -> k == 0 ? "the same beat" : Math.abs(k) + (Math.abs(k) == 1 ? " beat " : " beats ") + (k < 0 ? "back" : "ahead");
            case BAR -> k == 0 ? "the same bar" : Math.abs(k) + (Math.abs(k) == 1 ? " bar " : " bars ") + (k < 0 ? "back" : "ahead");
            case POSITION -> "position difference " + k;
            case PITCH -> "interval " + (k > 0 ? "+" : "") + k + " semitones";
            case INTERVAL_CLASS -> "interval class " + k;
            case INSTRUMENT -> k == 1 ? "the same instrument" : "other instruments";
        };
    }
}
