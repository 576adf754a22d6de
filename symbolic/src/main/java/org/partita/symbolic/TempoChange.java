package org.partita.symbolic;

/**
 * A tempo change, stored as MIDI stores it: microseconds per quarter note (exact, no rounding).
 * Invariants: {@code tick >= 0}, {@code 1 <= microsPerQuarter <= 16_777_215} (the 24-bit MIDI range).
 * Immutable and thread-safe.
 */
public record TempoChange(long tick, int microsPerQuarter) {

    /** 120 beats per minute, the MIDI default when a file has no tempo event. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    public TempoChange {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (microsPerQuarter < 1 || microsPerQuarter > 0xFFFFFF) {
            throw new IllegalArgumentException(
                    "microsPerQuarter must be in 1..16777215, got " + microsPerQuarter);
        }
    }

    /** A tempo given in quarter notes per minute, rounded to the nearest microsecond per quarter. */
    public static TempoChange ofBpm(long tick, double quartersPerMinute) {
        if (!(quartersPerMinute > 0) || Double.isInfinite(quartersPerMinute)) {
            throw new IllegalArgumentException("bpm must be > 0 and finite, got " + quartersPerMinute);
        }
        return new TempoChange(tick, (int) Math.round(60_000_000.0 / quartersPerMinute));
    }

    /** Quarter notes per minute. */
    public double bpm() {
        return 60_000_000.0 / microsPerQuarter;
    }

    /** A copy at another tick. */
    public TempoChange withTick(long newTick) {
        return new TempoChange(newTick, microsPerQuarter);
    }
}
