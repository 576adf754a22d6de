package org.partita.cli.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partita.evaluation.Metric;
import org.partita.evaluation.Metrics;
import org.partita.evaluation.PieceMetrics;
import org.partita.evaluation.compare.MetricComparison;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.ScanProgress;

/**
 * {@code partita evaluate}'s work: metrics of the generated pieces, optionally the memorisation check against an
 * index and the comparison with reference pieces. Bad files are collected, never thrown. Never prints.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** A generated piece's measurements before the grammar summary is looked up (on a worker thread). */
    private record Measured(PieceMetrics metrics, MemorisationVerdict verdict) {
    }

    /**
     * @throws IOException when the memorisation index cannot be read (the message names it)
     */
    public static EvaluationResult run(EvaluationSettings s, ScanProgress generatedProgress,
                                       ScanProgress referenceProgress) throws IOException, InterruptedException {
        MemorisationIndex index = s.memorisation() == null ? null : MemorisationIndexing.load(s.memorisation());
        List<ScoreFiles.Outcome<Measured>> generated = ScoreFiles.map(s.generated(), s.threads(), generatedProgress,
                (path, score) -> new Measured(Metrics.of(score, s.metrics()),
                        index == null ? null : index.check(score, s.minBars(), s.minNotes(), s.melodyOnly())));
        GenerationSummaries summaries = new GenerationSummaries();
        List<PieceEvaluation> pieces = new ArrayList<>();
        List<FileFailure> failures = new ArrayList<>();
        for (ScoreFiles.Outcome<Measured> o : generated) {
            if (o.ok()) {
                pieces.add(new PieceEvaluation(o.path(), o.value().metrics(), summaries.grammarErrorRate(o.path()),
                        o.value().verdict()));
            } else {
                failures.add(o.failure());
            }
        }
        List<PieceMetrics> reference = new ArrayList<>();
        Map<Metric, MetricComparison> comparison = new EnumMap<>(Metric.class);
        if (!s.reference().isEmpty()) {
            for (ScoreFiles.Outcome<PieceMetrics> o : ScoreFiles.map(s.reference(), s.threads(), referenceProgress,
                    (path, score) -> Metrics.of(score, s.metrics()))) {
                if (o.ok()) {
                    reference.add(o.value());
                } else {
                    failures.add(o.failure());
                }
            }
            for (Metric m : Metric.values()) {
                comparison.put(m, s.comparison().compare(values(pieces.stream().map(PieceEvaluation::metrics)
                        .toList(), m), values(reference, m)));
            }
        }
        MemorisationSettings memo = index == null ? null
                : index.settings().withMinBars(s.minBars()).withMinNotes(s.minNotes());
        return new EvaluationResult(s, pieces, reference, comparison, memo, failures);
    }

    /** One metric's values over some pieces, NaN included. */
    public static double[] values(List<PieceMetrics> pieces, Metric metric) {
        return pieces.stream().mapToDouble(p -> p.get(metric)).toArray();
    }
}
