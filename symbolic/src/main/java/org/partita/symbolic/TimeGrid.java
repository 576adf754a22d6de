package org.partita.symbolic;

/**
 * STUB — being written. Tempo and meter map of a score.
 */
public final class TimeGrid {
    private final Score score;

    private TimeGrid(Score score) {
        this.score = score;
    }

    public static TimeGrid of(Score score) {
        return new TimeGrid(score);
    }

    public double tickToSeconds(long tick) {
        throw new UnsupportedOperationException("TimeGrid is being written");
    }
}
