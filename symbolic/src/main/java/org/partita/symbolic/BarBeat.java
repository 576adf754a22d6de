package org.partita.symbolic;

/**
 * A metrical position: 0-based {@code bar}, 0-based {@code beat} within the bar (one beat is one
 * denominator note of the meter in force, so an eighth in 6/8), and {@code tickInBeat}, the offset
 * from the beat's start in ticks. {@code tickInBeat} is a {@code double} because a beat can be a
 * fraction of a tick at tiny resolutions (ticksPerQuarter 1 in 6/8: half a tick); it is exact there
 * (a multiple of 1/16). See {@link TimeGrid} for how bars and beats are counted.
 *
 * <p>Invariants: {@code bar >= 0}, {@code beat >= 0}, {@code tickInBeat} finite and {@code >= 0}.
 * Immutable and thread-safe.
 */
public record BarBeat(int bar, int beat, double tickInBeat) {

    public BarBeat {
        if (bar < 0) {
            throw new IllegalArgumentException("bar must be >= 0, got " + bar);
        }
        if (beat < 0) {
            throw new IllegalArgumentException("beat must be >= 0, got " + beat);
        }
        if (!(tickInBeat >= 0) || Double.isInfinite(tickInBeat)) {
            throw new IllegalArgumentException("tickInBeat must be finite and >= 0, got " + tickInBeat);
        }
    }
}
