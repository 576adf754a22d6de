package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import org.partita.evaluation.PieceMetrics;
import org.partita.evaluation.memorisation.MemorisationVerdict;

/**
 * One evaluated piece.
 *
 * @param file             the MIDI file
 * @param metrics          its metrics
 * @param grammarErrorRate grammar violations per token when a generation summary beside the file records them
 *                         ({@code partita generate}'s {@code PREFIX.json}), else NaN
 * @param memorisation     the memorisation verdict, or null when no index was given
 */
public record PieceEvaluation(Path file, PieceMetrics metrics, double grammarErrorRate,
                              MemorisationVerdict memorisation) {

    public PieceEvaluation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metrics, "metrics");
    }
}
