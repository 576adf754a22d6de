package org.partita.symbolic.staccato;

import java.util.List;
import java.util.Objects;
import org.partita.symbolic.Score;

/**
 * What {@link StaccatoReader} made of a text: the score and the warnings (in text order). Immutable.
 *
 * @param score    one track per (voice, instrument) in order of first note; voice 9 is the drum track
 * @param warnings things read but worth a look (bar lines off the meter, ties without an end, ...)
 */
public record StaccatoReading(Score score, List<StaccatoWarning> warnings) {

    public StaccatoReading {
        Objects.requireNonNull(score, "score");
        warnings = List.copyOf(warnings);
    }
}
