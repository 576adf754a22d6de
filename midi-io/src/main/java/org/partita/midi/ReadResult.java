package org.partita.midi;

import java.util.Objects;
import org.partita.symbolic.Score;

/** A score read from a MIDI file, with the reader's report on it. */
public record ReadResult(Score score, ReadReport report) {
    public ReadResult {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(report, "report");
    }
}
