package org.partita.symbolic;

/**
 * A pitch-bend message on a track's channel. {@code value} is signed and centred on zero:
 * {@code -8192..8191} (the 14-bit MIDI value minus 8192). Invariant: {@code tick >= 0}.
 * Immutable and thread-safe.
 */
public record PitchBend(long tick, int value) {

    public PitchBend {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (value < -8192 || value > 8191) {
            throw new IllegalArgumentException("pitch bend must be in -8192..8191, got " + value);
        }
    }

    /** A copy at another tick. */
    public PitchBend withTick(long newTick) {
        return new PitchBend(newTick, value);
    }
}
