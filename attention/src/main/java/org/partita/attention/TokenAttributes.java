package org.partita.attention;

import java.util.Arrays;
import java.util.Objects;

/**
 * One attribute row per token of a sequence (ATTENTION.md, "Input"). {@link #ABSENT} marks a token
 * without that attribute (an empty CSV cell). {@code note} is the id of the note the token belongs
 * to, or −1 for none; {@code beat} is the absolute beat index, {@code position} the step within the
 * beat, {@code program} the General MIDI program with −1 for drums.
 *
 * <p>Immutable: arrays are copied in and out. Invariant: all arrays have the same length.
 */
public record TokenAttributes(int[] note, int[] bar, int[] beat, int[] position, int[] pitch, int[] program) {

    /** Marks an attribute a token does not have. */
    public static final int ABSENT = Integer.MIN_VALUE;

    public TokenAttributes {
        Objects.requireNonNull(note, "note");
        int n = note.length;
        for (int[] a : new int[][] {bar, beat, position, pitch, program}) {
            if (Objects.requireNonNull(a, "attribute array").length != n) {
                throw new IllegalArgumentException("all attribute arrays must have length " + n + " (the note column), got "
                        + bar.length + ", " + beat.length + ", " + position.length + ", " + pitch.length + ", " + program.length);
            }
        }
        for (int i = 0; i < n; i++) {
            if (note[i] < -1) {
                throw new IllegalArgumentException("note id must be >= -1 (-1 = no note), got " + note[i] + " at token " + i);
            }
            if (pitch[i] != ABSENT && (pitch[i] < 0 || pitch[i] > 127)) {
                throw new IllegalArgumentException("pitch must be 0..127, got " + pitch[i] + " at token " + i);
            }
            if (program[i] != ABSENT && (program[i] < -1 || program[i] > 127)) {
                throw new IllegalArgumentException("program must be -1 (drums) or 0..127, got " + program[i] + " at token " + i);
            }
        }
        note = note.clone();
        bar = bar.clone();
        beat = beat.clone();
        position = position.clone();
        pitch = pitch.clone();
        program = program.clone();
    }

    /** Number of tokens. */
    public int size() {
        return note.length;
    }

    @Override
    public int[] note() {
        return note.clone();
    }

    @Override
    public int[] bar() {
        return bar.clone();
    }

    @Override
    public int[] beat() {
        return beat.clone();
    }

    @Override
    public int[] position() {
        return position.clone();
    }

    @Override
    public int[] pitch() {
        return pitch.clone();
    }

    @Override
    public int[] program() {
        return program.clone();
    }

    /** The attribute column a field reads (pitch for both pitch fields, program for instrument). */
    int[] column(Field field) {
        return switch (field) {
            case BEAT -> beat;
            case POSITION -> position;
            case BAR -> bar;
            case PITCH, INTERVAL_CLASS -> pitch;
            case INSTRUMENT -> program;
        };
    }

    int noteOf(int token) {
        return note[token];
    }

    /**
     * These attributes with every token outside {@code keep} made a non-unit: no note, no attributes
     * (used by {@code --pitch-tokens}, which keeps only Pitch/PitchDrum tokens as units).
     */
    public TokenAttributes keepOnly(boolean[] keep) {
        if (keep.length != size()) {
            throw new IllegalArgumentException("keep mask has " + keep.length + " entries, sequence has " + size() + " tokens");
        }
        int[] no = note.clone();
        int[][] cols = {bar.clone(), beat.clone(), position.clone(), pitch.clone(), program.clone()};
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                no[i] = -1;
                for (int[] c : cols) {
                    c[i] = ABSENT;
                }
            }
        }
        return new TokenAttributes(no, cols[0], cols[1], cols[2], cols[3], cols[4]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenAttributes a && Arrays.equals(note, a.note) && Arrays.equals(bar, a.bar)
                && Arrays.equals(beat, a.beat) && Arrays.equals(position, a.position) && Arrays.equals(pitch, a.pitch)
                && Arrays.equals(program, a.program);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(note), Arrays.hashCode(beat), Arrays.hashCode(pitch));
    }

    @Override
    public String toString() {
        return "TokenAttributes(" + size() + " tokens)";
    }
}
