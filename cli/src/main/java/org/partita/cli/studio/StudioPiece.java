package org.partita.cli.studio;

import java.util.Objects;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.symbolic.Score;

/**
 * A piece the studio holds in memory: an upload, a sketch or a generated candidate.
 *
 * @param id          the API's id ({@code p1}, {@code p2}, ...)
 * @param score       the music
 * @param source      how it was made ("staccato", "midi upload: NAME", "continue of p3, seed 7")
 * @param parentId    the piece it was generated from, or null
 * @param memorisation the check against the model's training corpus, or null when not checked
 */
public record StudioPiece(String id, Score score, String source, String parentId, MemorisationVerdict memorisation) {

    public StudioPiece {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(source, "source");
    }

    /** Bars from 0 to the one holding the last tick (0 for an empty score). */
    public int bars() {
        return score.endTick() == 0 ? 0 : score.timeGrid().barAt(score.endTick() - 1) + 1;
    }
}
