package org.partita.training.roll;

/**
 * Counts of textbook voice-leading faults in a four-part roll, for comparing generated and real chorales. Pure.
 * On the 16th grid, between consecutive steps where two voices both sound and at least one changes pitch:
 * a <i>parallel fifth</i> (octave) is when the interval between them is a perfect fifth (unison or octave,
 * compound or not) before and after and both voices move in the same direction. A <i>voice crossing</i> is a
 * step where a voice sounds below a lower-numbered voice (soprano = 0) that sounded above or level with it at
 * the previous step.
 *
 * @param beats quarter notes covered ({@code steps / 4})
 * @param parallelFifths parallel fifths
 * @param parallelOctaves parallel octaves and unisons
 * @param crossings voice crossings
 */
public record VoiceLeading(double beats, int parallelFifths, int parallelOctaves, int crossings) {

    public static VoiceLeading of(VoiceRoll roll) {
        int fifths = 0;
        int octaves = 0;
        int crossings = 0;
        for (int t = 1; t < roll.stepCount(); t++) {
            for (int a = 0; a < roll.voiceCount(); a++) {
                for (int b = a + 1; b < roll.voiceCount(); b++) {
                    int a0 = roll.pitch(a, t - 1);
                    int a1 = roll.pitch(a, t);
                    int b0 = roll.pitch(b, t - 1);
                    int b1 = roll.pitch(b, t);
                    if (a0 == VoiceRoll.REST || a1 == VoiceRoll.REST || b0 == VoiceRoll.REST || b1 == VoiceRoll.REST) {
                        continue;
                    }
                    if (a1 < b1 && a0 >= b0) {
                        crossings++;
                    }
                    boolean sameDirection = Integer.signum(a1 - a0) == Integer.signum(b1 - b0) && a1 != a0;
                    if (!sameDirection) {
                        continue;
                    }
                    int before = Math.floorMod(a0 - b0, 12);
                    int after = Math.floorMod(a1 - b1, 12);
                    if (before == 7 && after == 7) {
                        fifths++;
                    } else if (before == 0 && after == 0) {
                        octaves++;
                    }
                }
            }
        }
        return new VoiceLeading(roll.stepCount() / (double) RollGrid.STEPS_PER_QUARTER, fifths, octaves, crossings);
    }

    /** Sum of two counts (beats add too). */
    public VoiceLeading plus(VoiceLeading o) {
        return new VoiceLeading(beats + o.beats, parallelFifths + o.parallelFifths, parallelOctaves + o.parallelOctaves,
                crossings + o.crossings);
    }

    public static VoiceLeading none() {
        return new VoiceLeading(0, 0, 0, 0);
    }

    /** {@code count} per 100 beats. */
    public double per100Beats(int count) {
        return beats == 0 ? 0 : 100.0 * count / beats;
    }
}
