package org.partita.tokenizers;

import java.util.Objects;
import org.partita.symbolic.Score;

/** The score rebuilt from token ids and the report of what in the ids broke the rules. Immutable. */
public record Decoded(Score score, DecodeReport report) {
    public Decoded {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(report, "report");
    }
}
