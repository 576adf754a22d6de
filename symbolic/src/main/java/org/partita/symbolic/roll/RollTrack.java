package org.partita.symbolic.roll;

import java.util.Objects;

/**
 * What a {@link PianoRoll} keeps of a track besides its notes: name, General MIDI program (0..127;
 * the kit number for drums) and drum flag. Immutable.
 */
public record RollTrack(String name, int program, boolean isDrum) {

    public RollTrack {
        Objects.requireNonNull(name, "name");
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be in 0..127, got " + program + " (track '" + name + "')");
        }
    }
}
