package org.partita.tokenizers.mmt;

import java.util.Arrays;
import java.util.Objects;
import org.partita.tokenizers.TokenSequence;

/**
 * MMT rows, one per event, each {@code (type, beat, position, pitch, duration, instrument)} as field
 * codes (see {@link MmtTokenizer#FIELDS}), with, per row, the index of the note it encodes (-1 for
 * start-of-song, instrument, start-of-notes and end-of-song rows; notes counted as in
 * {@link org.partita.tokenizers.TokenSequence}), its onset tick (at {@link #ticksPerQuarter()}), its bar
 * (from the preprocessed score's meters) and its position within the beat.
 *
 * <p>Immutable (arrays copied in and out) and thread-safe. Invariant: all arrays have one entry per row;
 * every row has 6 fields.
 */
public final class CompoundSequence {

    private final int[][] rows;
    /** One entry per row: its note, tick, bar and position; the ids are the rows' type codes. */
    private final TokenSequence places;

    public CompoundSequence(int[][] rows, int[] noteIndexes, long[] ticks, int[] bars, int[] positions,
                            int ticksPerQuarter) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.length;
        this.rows = new int[n][];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != MmtTokenizer.FIELDS.size()) {
                throw new IllegalArgumentException("row " + i + " must have " + MmtTokenizer.FIELDS.size()
                        + " fields, got " + rows[i].length);
            }
            this.rows[i] = rows[i].clone();
            types[i] = rows[i][0];
        }
        // Checks that every array has one entry per row and that ticksPerQuarter >= 1.
        this.places = new TokenSequence(types, noteIndexes, ticks, bars, positions, ticksPerQuarter);
    }

    public int size() {
        return rows.length;
    }

    /** All rows (a deep copy). */
    public int[][] rows() {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** One row's field codes (a copy). */
    public int[] row(int i) {
        return rows[i].clone();
    }

    /** Field {@code field} (0 = type ... 5 = instrument) of row {@code i}. */
    public int code(int i, int field) {
        return rows[i][field];
    }

    /** Index of the note row {@code i} encodes, or -1. */
    public int noteIndex(int i) {
        return places.noteIndex(i);
    }

    /** Onset tick of row {@code i} at {@link #ticksPerQuarter()}. */
    public long tick(int i) {
        return places.tick(i);
    }

    /** Bar of row {@code i}. */
    public int bar(int i) {
        return places.bar(i);
    }

    /** Position within the beat, 0..resolution-1. */
    public int position(int i) {
        return places.position(i);
    }

    public int ticksPerQuarter() {
        return places.ticksPerQuarter();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompoundSequence s && Arrays.deepEquals(rows, s.rows) && places.equals(s.places);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        return "CompoundSequence(" + rows.length + " rows)";
    }
}
