package org.partita.symbolic.staccato;

import java.util.List;

/**
 * One note, chord or rest of a note token, as written: pitches (none for a rest), duration in whole notes,
 * ties, velocities and how the next element of the same token joins it. Immutable.
 *
 * @param pitches        MIDI pitches (one for a note, several for a chord, none for a rest)
 * @param duration       length in whole notes (> 0)
 * @param tieEnd         ends a tie ({@code C5-q}): continues an earlier note of the same pitch
 * @param tieStart       starts a tie ({@code C5q-}): a later note of the same pitch continues it
 * @param attackVelocity {@code a} velocity 1..127, or -1 when not written
 * @param decayVelocity  {@code d} velocity 0..127, or -1 when not written (MIDI note-off velocity)
 * @param next           {@code '+'} (next element starts with this one), {@code '_'} (next element follows
 *                       this one inside a {@code +} group) or 0 (last element of the token)
 * @param column         1-based column where the element starts
 */
record NoteElement(List<Integer> pitches, WholeNotes duration, boolean tieEnd, boolean tieStart, int attackVelocity,
                   int decayVelocity, char next, int column) {

    NoteElement {
        pitches = List.copyOf(pitches);
    }

    boolean isRest() {
        return pitches.isEmpty();
    }
}
