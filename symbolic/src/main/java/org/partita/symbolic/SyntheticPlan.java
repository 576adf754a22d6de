package org.partita.symbolic;

/**
 * The musical frame of one synthetic piece, shared by the parts that fill it: one meter throughout,
 * a key (tonic pitch class and diatonic scale) and a four-chord progression, one chord per bar, the
 * last bar on the tonic. Positions are counted on an eighth-note grid.
 */
record SyntheticPlan(int ticksPerQuarter, int numerator, int denominator, int bars, int tonicPitchClass,
                     boolean minor, int[] progression) {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] NATURAL_MINOR = {0, 2, 3, 5, 7, 8, 10};

    long eighthTicks() {
        return ticksPerQuarter / 2;
    }

    int eighthsPerBar() {
        return numerator * 8 / denominator;
    }

    long barTicks() {
        return eighthsPerBar() * eighthTicks();
    }

    /** The felt pulse: a quarter in 4/4 and 3/4, a dotted quarter in 6/8. */
    int eighthsPerPulse() {
        return denominator == 8 ? 3 : 2;
    }

    int pulsesPerBar() {
        return eighthsPerBar() / eighthsPerPulse();
    }

    /** Scale degree (0 = tonic) of the chord root in {@code bar}. */
    int chordDegree(int bar) {
        return bar == bars - 1 ? 0 : progression[bar % progression.length];
    }

    /**
     * The pitch of scale {@code degree} (any integer; 7 is the tonic an octave up) counted from the
     * tonic in the octave starting at {@code octaveBase} (a C, e.g. 48 or 60).
     */
    int pitch(int degree, int octaveBase) {
        int[] scale = minor ? NATURAL_MINOR : MAJOR;
        return octaveBase + tonicPitchClass + 12 * Math.floorDiv(degree, 7) + scale[Math.floorMod(degree, 7)];
    }
}
