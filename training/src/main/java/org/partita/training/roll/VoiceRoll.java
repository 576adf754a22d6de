package org.partita.training.roll;

import java.util.Arrays;

/**
 * A multi-voice monophonic piano roll on a 16th-note grid: per voice and step one MIDI pitch or {@link #REST},
 * plus whether a note starts there (a frame-only roll cannot tell a held note from a repeated one).
 * Arrays are copied in and out, so a value never changes after construction.
 *
 * @param pitches {@code [voice][step]} MIDI pitch 0..127 or {@link #REST}; every voice has the same length
 * @param onsets {@code [voice][step]} true where a note starts; false on rests
 */
public record VoiceRoll(int[][] pitches, boolean[][] onsets) {
    public static final int REST = -1;

    public VoiceRoll {
        if (pitches.length == 0 || pitches.length != onsets.length) {
            throw new IllegalArgumentException("need >= 1 voice and one onset row per voice, got "
                    + pitches.length + " pitch rows and " + onsets.length + " onset rows");
        }
        int steps = pitches[0].length;
        int[][] p = new int[pitches.length][];
        boolean[][] o = new boolean[pitches.length][];
        for (int v = 0; v < pitches.length; v++) {
            if (pitches[v].length != steps || onsets[v].length != steps) {
                throw new IllegalArgumentException("voice " + v + " has " + pitches[v].length + " steps, voice 0 has " + steps);
            }
            p[v] = pitches[v].clone();
            o[v] = onsets[v].clone();
            for (int t = 0; t < steps; t++) {
                if (p[v][t] != REST && (p[v][t] < 0 || p[v][t] > 127)) {
                    throw new IllegalArgumentException("pitch must be 0..127 or REST, got " + p[v][t] + " (voice " + v + ", step " + t + ")");
                }
                if (p[v][t] == REST) {
                    o[v][t] = false;
                } else if (t == 0 || p[v][t - 1] != p[v][t]) {
                    o[v][t] = true; // a changed pitch always starts a note
                }
            }
        }
        pitches = p;
        onsets = o;
    }

    /** A roll whose notes start wherever the pitch changes (held cells of equal pitch merge). */
    public static VoiceRoll ofPitches(int[][] pitches) {
        boolean[][] onsets = new boolean[pitches.length][pitches.length == 0 ? 0 : pitches[0].length];
        return new VoiceRoll(pitches, onsets);
    }

    public int voiceCount() {
        return pitches.length;
    }

    public int stepCount() {
        return pitches[0].length;
    }

    public int pitch(int voice, int step) {
        return pitches[voice][step];
    }

    public boolean onset(int voice, int step) {
        return onsets[voice][step];
    }

    @Override
    public int[][] pitches() {
        int[][] out = new int[pitches.length][];
        for (int v = 0; v < pitches.length; v++) {
            out[v] = pitches[v].clone();
        }
        return out;
    }

    @Override
    public boolean[][] onsets() {
        boolean[][] out = new boolean[onsets.length][];
        for (int v = 0; v < onsets.length; v++) {
            out[v] = onsets[v].clone();
        }
        return out;
    }

    /** Steps {@code [from, to)}; a note cut at {@code from} gets an onset there. */
    public VoiceRoll crop(int from, int to) {
        if (from < 0 || to > stepCount() || from >= to) {
            throw new IllegalArgumentException("crop [" + from + ", " + to + ") outside 0.." + stepCount());
        }
        int[][] p = new int[pitches.length][];
        boolean[][] o = new boolean[pitches.length][];
        for (int v = 0; v < pitches.length; v++) {
            p[v] = Arrays.copyOfRange(pitches[v], from, to);
            o[v] = Arrays.copyOfRange(onsets[v], from, to);
        }
        return new VoiceRoll(p, o);
    }

    /** Every pitch moved by {@code semitones} (rests stay rests). */
    public VoiceRoll transposed(int semitones) {
        int[][] p = pitches();
        for (int[] row : p) {
            for (int t = 0; t < row.length; t++) {
                row[t] = row[t] == REST ? REST : row[t] + semitones;
            }
        }
        return new VoiceRoll(p, onsets);
    }

    /** Lowest and highest pitch over all voices, or null if the roll is all rests. */
    public int[] pitchRange() {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int[] row : pitches) {
            for (int p : row) {
                if (p != REST) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        return lo > hi ? null : new int[] {lo, hi};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoiceRoll r && Arrays.deepEquals(pitches, r.pitches) && Arrays.deepEquals(onsets, r.onsets);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(pitches) * 31 + Arrays.deepHashCode(onsets);
    }

    @Override
    public String toString() {
        return "VoiceRoll[" + voiceCount() + " voices x " + stepCount() + " steps]";
    }
}
