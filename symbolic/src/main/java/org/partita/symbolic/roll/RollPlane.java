package org.partita.symbolic.roll;

/**
 * The three planes a {@link PianoRoll} can hold, each {@code tracks × steps × 128}.
 *
 * <p>A note covering steps {@code [startStep, endStep)} sets {@link #ONSET} at {@code startStep},
 * {@link #FRAME} at every step of {@code [startStep, endStep)} and {@link #OFFSET} at its last
 * sounding step {@code endStep - 1} (inside the roll, never one past it). A one-step note sets all
 * three planes at the same cell. Onsets are what keep a repeated note (two notes touching end to
 * start) apart from one held note; offsets are there for models that predict note ends
 * (as in Onsets and Frames) and are not needed to decode the roll.
 */
public enum RollPlane {
    /** Where notes start. */
    ONSET,
    /** Where notes sound. Always present: decoding needs it. */
    FRAME,
    /** Where notes sound for the last time (their last step). */
    OFFSET
}
