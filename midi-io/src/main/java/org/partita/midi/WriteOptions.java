package org.partita.midi;

/**
 * How {@link MidiWriter} writes a Standard MIDI File. Immutable and thread-safe.
 *
 * <p>Invariant: {@code 1 <= ticksPerQuarter <= 32767}, the range of the SMF header's division field
 * when it counts ticks per quarter note (its top bit must be clear; SMPTE timing is not written).
 *
 * @param ticksPerQuarter resolution written to the header; a score with another resolution is
 *                        resampled first with {@link org.partita.symbolic.Score#resampled(int)}
 */
public record WriteOptions(int ticksPerQuarter) {

    /** 480 ticks per quarter note, the resolution most sequencers write. */
    public static final int DEFAULT_TICKS_PER_QUARTER = 480;

    /** Largest resolution the 15-bit division field holds. */
    public static final int MAX_TICKS_PER_QUARTER = 0x7FFF;

    public WriteOptions {
        if (ticksPerQuarter < 1 || ticksPerQuarter > MAX_TICKS_PER_QUARTER) {
            throw new IllegalArgumentException(
                    "ticksPerQuarter must be in 1..32767, got " + ticksPerQuarter);
        }
    }

    /** 480 ticks per quarter note. */
    public static WriteOptions defaults() {
        return new WriteOptions(DEFAULT_TICKS_PER_QUARTER);
    }

    /** A copy with another resolution. */
    public WriteOptions withTicksPerQuarter(int newTicksPerQuarter) {
        return new WriteOptions(newTicksPerQuarter);
    }
}
