package org.partita.symbolic.roll;

/**
 * The quantised notes of a roll: the canonical store of a {@link PianoRoll} built from a score, from
 * which its dense planes are painted on demand. Structure of arrays, one entry per note, tracks one
 * after another (no object per note); never changed after construction.
 *
 * <p>A note covers steps {@code [startStep, endStep)}, {@code endStep > startStep}, and writes
 * {@code value} (a velocity or 1) into the cells it covers, keeping the larger value where notes meet:
 * exactly the planes documented on {@link PianoRoll}. Notes are kept as quantised, not merged, so two
 * rolls with equal planes may hold different notes; equality is decided on the planes.
 */
final class RollNotes {

    private static final int P = PianoRoll.PITCHES;

    /** {@code (tracks + 1)}: the notes of track t are at {@code [trackStart[t], trackStart[t + 1])}. */
    final int[] trackStart;
    final int[] startStep; // (notes,)
    final int[] endStep;   // (notes,) exclusive
    final byte[] pitch;    // (notes,) 0..127
    final byte[] value;    // (notes,) 1..127

    /** Takes ownership of the arrays. */
    RollNotes(int[] trackStart, int[] startStep, int[] endStep, byte[] pitch, byte[] value) {
        this.trackStart = trackStart;
        this.startStep = startStep;
        this.endStep = endStep;
        this.pitch = pitch;
        this.value = value;
    }

    int trackCount() {
        return trackStart.length - 1;
    }

    int size() {
        return startStep.length;
    }

    /** A new dense plane {@code (tracks, steps, 128)} in C order with these notes painted in. */
    byte[] paint(RollPlane plane, int stepCount) {
        byte[] out = new byte[trackCount() * stepCount * P];
        paintInto(plane, stepCount, out, 0);
        return out;
    }

    /** Paints the plane over {@code out[offset, offset + tracks × steps × 128)}, which must hold zeros. */
    void paintInto(RollPlane plane, int stepCount, byte[] out, int offset) {
        for (int t = 0; t < trackCount(); t++) {
            int base = offset + t * stepCount * P;
            for (int i = trackStart[t]; i < trackStart[t + 1]; i++) {
                int v = value[i];
                int p = pitch[i];
                switch (plane) {
                    case ONSET -> put(out, base + startStep[i] * P + p, v);
                    case OFFSET -> put(out, base + (endStep[i] - 1) * P + p, v);
                    case FRAME -> {
                        int last = base + (endStep[i] - 1) * P + p;
                        for (int cell = base + startStep[i] * P + p; cell <= last; cell += P) {
                            put(out, cell, v);
                        }
                    }
                }
            }
        }
    }

    private static void put(byte[] plane, int cell, int v) {
        plane[cell] = (byte) Math.max(plane[cell], v); // values are 0..127, so signed bytes compare right
    }

    /** The lowest and highest pitch of any note, or {@code null} without notes. */
    PianoRoll.PitchRange pitchRange() {
        if (size() == 0) {
            return null;
        }
        int lowest = P;
        int highest = -1;
        for (byte p : pitch) {
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, p);
        }
        return new PianoRoll.PitchRange(lowest, highest);
    }

    /** The same notes {@code steps} later. */
    RollNotes shifted(int steps) {
        int[] start = startStep.clone();
        int[] end = endStep.clone();
        for (int i = 0; i < start.length; i++) {
            start[i] += steps;
            end[i] += steps;
        }
        return new RollNotes(trackStart, start, end, pitch, value);
    }

    /** The notes of the tracks not marked in {@code fixed} moved by {@code semitones}; check {@link #firstOutOfRange} first. */
    RollNotes transposed(int semitones, boolean[] fixed) {
        byte[] moved = pitch.clone();
        for (int t = 0; t < trackCount(); t++) {
            if (fixed[t]) {
                continue;
            }
            for (int i = trackStart[t]; i < trackStart[t + 1]; i++) {
                moved[i] = (byte) (pitch[i] + semitones);
            }
        }
        return new RollNotes(trackStart, startStep, endStep, moved, value);
    }

    /** The first note of a track not marked in {@code fixed} that {@code semitones} would move out of 0..127, or -1. */
    int firstOutOfRange(int semitones, boolean[] fixed) {
        for (int t = 0; t < trackCount(); t++) {
            if (fixed[t]) {
                continue;
            }
            for (int i = trackStart[t]; i < trackStart[t + 1]; i++) {
                int target = pitch[i] + semitones;
                if (target < 0 || target >= P) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The track holding note {@code i}. */
    int trackOf(int i) {
        int t = 0;
        while (trackStart[t + 1] <= i) {
            t++;
        }
        return t;
    }
}
