package org.partita.symbolic;

/**
 * A MIDI control change on a track's channel (for example controller 64, the sustain pedal).
 * Invariants: {@code tick >= 0}, {@code 0 <= controller <= 127}, {@code 0 <= value <= 127}.
 * Immutable and thread-safe.
 */
public record ControlChange(long tick, int controller, int value) {

    /** Controller number of the sustain (damper) pedal; values {@code >= 64} mean pressed. */
    public static final int SUSTAIN_PEDAL = 64;

    public ControlChange {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (controller < 0 || controller > 127) {
            throw new IllegalArgumentException("controller must be in 0..127, got " + controller);
        }
        if (value < 0 || value > 127) {
            throw new IllegalArgumentException("control value must be in 0..127, got " + value);
        }
    }

    /** A copy at another tick. */
    public ControlChange withTick(long newTick) {
        return new ControlChange(newTick, controller, value);
    }
}
