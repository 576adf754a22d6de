package org.partita.symbolic;

/**
 * What a pitch transformation does with a melodic note whose new pitch would leave 0..127.
 * Drum notes are never transposed (their pitch names an instrument), so the policy never applies
 * to them. Enum constants are immutable and thread-safe.
 */
public enum OutOfRangePolicy {
    /** Throw {@link IllegalArgumentException} naming the note, track and resulting pitch; the default. */
    FAIL,
    /** Leave such notes out of the result; every other note is transposed. */
    DROP
}
