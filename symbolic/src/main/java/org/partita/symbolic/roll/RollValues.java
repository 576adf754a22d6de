package org.partita.symbolic.roll;

/** What a non-empty cell of a {@link PianoRoll} plane holds. An empty cell is always 0. */
public enum RollValues {
    /** 1 where a note is; velocities are lost (decoded notes get {@link PianoRoll#DEFAULT_VELOCITY}). */
    BINARY,
    /** The note's MIDI velocity, 1..127 (the largest one where notes of one pitch and track collide). */
    VELOCITY
}
