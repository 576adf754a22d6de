package org.partita.symbolic;

/**
 * Names of MIDI pitches in scientific pitch notation with sharps, middle C = 60 = "C4" (so pitch 0 is
 * "C-1" and 127 is "G9"). Stateless.
 */
public final class PitchName {

    private static final String[] CLASSES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private PitchName() {
    }

    /** The name of a pitch 0..127, e.g. {@code of(60)} is "C4", {@code of(61)} is "C#4". */
    public static String of(int pitch) {
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch must be in 0..127, got " + pitch);
        }
        return CLASSES[pitch % 12] + (pitch / 12 - 1);
    }

    /** True for the pitches of the black keys of a piano (C#, D#, F#, G#, A#). */
    public static boolean isBlackKey(int pitch) {
        int pc = Math.floorMod(pitch, 12);
        return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
    }
}
