package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.partita.evaluation.MetricSettings;
import org.partita.evaluation.compare.SetComparison;

/**
 * What {@code partita evaluate} measures.
 *
 * @param generated    the pieces to judge (files or folders)
 * @param reference    folders or files to compare with, empty for none
 * @param memorisation index folder to check against, or null
 * @param minBars      memorisation threshold in bars (0 = off)
 * @param minNotes     memorisation threshold in notes (0 = off)
 * @param melodyOnly   compare melody lines only in the memorisation check
 * @param metrics      how metrics are computed
 * @param comparison   how sets are compared
 * @param threads      reading threads
 */
public record EvaluationSettings(List<Path> generated, List<Path> reference, Path memorisation, double minBars,
                                 int minNotes, boolean melodyOnly, MetricSettings metrics, SetComparison comparison, int threads) {

    public EvaluationSettings {
        generated = List.copyOf(generated);
        reference = List.copyOf(reference);
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(comparison, "comparison");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
