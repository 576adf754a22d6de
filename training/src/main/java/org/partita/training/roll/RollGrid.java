package org.partita.training.roll;

/**
 * The model's vocabulary per cell: MIDI pitches {@value #LOWEST_PITCH}..{@value #HIGHEST_PITCH} (Coconet's
 * range, 46 pitches) as classes 0..45 and silence as class {@value #REST_CLASS}; 4 steps per quarter note.
 */
public final class RollGrid {
    public static final int LOWEST_PITCH = 36;
    public static final int HIGHEST_PITCH = 81;
    public static final int PITCH_COUNT = HIGHEST_PITCH - LOWEST_PITCH + 1;
    public static final int REST_CLASS = PITCH_COUNT;
    /** Classes per cell: the pitches plus silence. Also the width of the model's pitch axis. */
    public static final int CLASS_COUNT = PITCH_COUNT + 1;
    public static final int STEPS_PER_QUARTER = 4;

    private RollGrid() {}

    public static boolean inRange(int pitch) {
        return pitch >= LOWEST_PITCH && pitch <= HIGHEST_PITCH;
    }

    /** Class of a pitch in range or of {@link VoiceRoll#REST}. */
    public static int classOf(int pitch) {
        if (pitch == VoiceRoll.REST) {
            return REST_CLASS;
        }
        if (!inRange(pitch)) {
            throw new IllegalArgumentException("pitch " + pitch + " outside the model's range "
                    + LOWEST_PITCH + ".." + HIGHEST_PITCH);
        }
        return pitch - LOWEST_PITCH;
    }

    /** Pitch of class {@code c}, or {@link VoiceRoll#REST}. */
    public static int pitchOf(int c) {
        if (c < 0 || c >= CLASS_COUNT) {
            throw new IllegalArgumentException("class must be 0.." + (CLASS_COUNT - 1) + ", got " + c);
        }
        return c == REST_CLASS ? VoiceRoll.REST : LOWEST_PITCH + c;
    }
}
