package org.partita.midi;

/**
 * How {@link MidiReader} treats files that break the SMF specification in ways players accept.
 *
 * @param strict        refuse every repairable problem instead of repairing it and listing the repair
 * @param maxInputBytes largest input accepted (protects against exhausting memory on streams)
 */
public record ReadOptions(boolean strict, long maxInputBytes) {

    /**
     * 32 MiB: far above any real MIDI file (the largest of the 6,864 development files is under 1 MiB).
     * A file made of nothing but 3-byte note events needs up to about 50 bytes of heap per input byte,
     * so this bounds a hostile file to about 1.6 GB of heap; raise it with {@link #withMaxInputBytes}.
     */
    public static final long DEFAULT_MAX_INPUT_BYTES = 32L << 20;

    public ReadOptions {
        if (maxInputBytes < 14) {
            throw new IllegalArgumentException("maxInputBytes must be >= 14 (one MThd chunk), got " + maxInputBytes);
        }
    }

    /** Lenient, 32 MiB limit. */
    public static ReadOptions defaults() {
        return new ReadOptions(false, DEFAULT_MAX_INPUT_BYTES);
    }

    /** Strict mode: any repairable problem becomes a {@link MidiFormatException}. */
    public static ReadOptions strictMode() {
        return new ReadOptions(true, DEFAULT_MAX_INPUT_BYTES);
    }

    /** A copy with strictness set. */
    public ReadOptions withStrict(boolean newStrict) {
        return new ReadOptions(newStrict, maxInputBytes);
    }

    /** A copy with another input size limit. */
    public ReadOptions withMaxInputBytes(long newMaxInputBytes) {
        return new ReadOptions(strict, newMaxInputBytes);
    }
}
