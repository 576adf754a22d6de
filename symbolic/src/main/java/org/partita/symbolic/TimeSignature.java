package org.partita.symbolic;

/**
 * A meter change. The denominator is a power of two from 1 to 64, as a MIDI file can express.
 * A "beat" in Partita is one denominator note (in 6/8 a beat is an eighth), as in MidiTok.
 * Invariants: {@code tick >= 0}, {@code 1 <= numerator <= 255}, denominator a power of two in 1..64.
 * Immutable and thread-safe.
 */
public record TimeSignature(long tick, int numerator, int denominator) {

    /** 4/4, assumed when a piece declares no meter. */
    public static final TimeSignature DEFAULT = new TimeSignature(0, 4, 4);

    public TimeSignature {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (numerator < 1 || numerator > 255) {
            throw new IllegalArgumentException("time signature numerator must be in 1..255, got " + numerator);
        }
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException(
                    "time signature denominator must be a power of two in 1..64, got " + denominator);
        }
    }

    /** Ticks in one beat (one denominator note) at the given resolution; may be fractional. */
    public double ticksPerBeat(int ticksPerQuarter) {
        return ticksPerQuarter * 4.0 / denominator;
    }

    /** Ticks in one bar, exact in quarter-note units; may be fractional for tiny resolutions. */
    public double ticksPerBar(int ticksPerQuarter) {
        return ticksPerBeat(ticksPerQuarter) * numerator;
    }

    /** A copy at another tick. */
    public TimeSignature withTick(long newTick) {
        return new TimeSignature(newTick, numerator, denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator + "@" + tick;
    }
}
