package org.partita.cli.pipeline;

import java.util.List;
import java.util.Map;
import org.partita.evaluation.Metric;
import org.partita.evaluation.PieceMetrics;
import org.partita.evaluation.compare.MetricComparison;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.midi.scan.FileFailure;

/**
 * What {@code partita evaluate} found.
 *
 * @param settings           what was asked
 * @param pieces             the generated pieces read, in input order
 * @param reference          metrics of the reference pieces read (empty without {@code --reference})
 * @param comparison         per metric, generated vs reference (empty without {@code --reference})
 * @param memorisation       the index's settings with the thresholds used, or null without an index
 * @param failures           generated and reference files that could not be read
 */
public record EvaluationResult(EvaluationSettings settings, List<PieceEvaluation> pieces, List<PieceMetrics> reference,
                               Map<Metric, MetricComparison> comparison, MemorisationSettings memorisation,
                               List<FileFailure> failures) {

    public EvaluationResult {
        pieces = List.copyOf(pieces);
        reference = List.copyOf(reference);
        comparison = Map.copyOf(comparison);
        failures = List.copyOf(failures);
    }
}
