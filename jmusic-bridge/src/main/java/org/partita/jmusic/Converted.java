package org.partita.jmusic;

import java.util.List;
import java.util.Objects;

/**
 * A converted score and what the other side could not hold (one line per kind of loss, with counts and where),
 * so that nothing is dropped silently. Immutable.
 *
 * @param <S>   the score type converted to
 * @param score the result
 * @param lost  what was not carried over, e.g. "2 tempo changes after the first (jMusic keeps one tempo per
 *              score)"; empty when the conversion is exact
 */
public record Converted<S>(S score, List<String> lost) {

    public Converted {
        Objects.requireNonNull(score, "score");
        lost = List.copyOf(lost);
    }
}
