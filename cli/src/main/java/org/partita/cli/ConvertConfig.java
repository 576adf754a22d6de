package org.partita.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@code partita convert} was asked to do. Immutable.
 *
 * @param in              the MIDI file to read
 * @param out             the MIDI file to write (replaced if it exists)
 * @param ticksPerQuarter resolution to write at, in 1..32767; empty to keep the input's
 * @param strict          refuse an input that breaks the MIDI specification instead of repairing it
 */
record ConvertConfig(Path in, Path out, OptionalInt ticksPerQuarter, boolean strict) {

    /** Largest resolution a MIDI header can hold (15 bits). */
    static final int MAX_TICKS_PER_QUARTER = 0x7FFF;

    ConvertConfig {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(ticksPerQuarter, "ticksPerQuarter");
        if (ticksPerQuarter.isPresent()
                && (ticksPerQuarter.getAsInt() < 1 || ticksPerQuarter.getAsInt() > MAX_TICKS_PER_QUARTER)) {
            throw new IllegalArgumentException("--tpq must be in 1.." + MAX_TICKS_PER_QUARTER + ", got "
                    + ticksPerQuarter.getAsInt());
        }
    }
}
