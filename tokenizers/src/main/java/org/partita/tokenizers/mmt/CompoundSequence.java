package org.partita.tokenizers.mmt;

import java.util.Arrays;
import java.util.Objects;

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
    private final int[] noteIndexes;
    private final long[] ticks;
    private final int[] bars;
    private final int[] positions;
    private final int ticksPerQuarter;

    public CompoundSequence(int[][] rows, int[] noteIndexes, long[] ticks, int[] bars, int[] positions,
                            int ticksPerQuarter) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.length;
        if (noteIndexes.length != n || ticks.length != n || bars.length != n || positions.length != n) {
            throw new IllegalArgumentException("all arrays must have length " + n + ", got " + noteIndexes.length
                    + ", " + ticks.length + ", " + bars.length + ", " + positions.length);
        }
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + ticksPerQuarter);
        }
        this.rows = new int[n][];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != MmtTokenizer.FIELDS.size()) {
                throw new IllegalArgumentException("row " + i + " must have " + MmtTokenizer.FIELDS.size()
                        + " fields, got " + rows[i].length);
            }
            this.rows[i] = rows[i].clone();
        }
        this.noteIndexes = noteIndexes.clone();
        this.ticks = ticks.clone();
        this.bars = bars.clone();
        this.positions = positions.clone();
        this.ticksPerQuarter = ticksPerQuarter;
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

    public int noteIndex(int i) {
        return noteIndexes[i];
    }

    public long tick(int i) {
        return ticks[i];
    }

    public int bar(int i) {
        return bars[i];
    }

    /** Position within the beat, 0..resolution-1. */
    public int position(int i) {
        return positions[i];
    }

    public int ticksPerQuarter() {
        return ticksPerQuarter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompoundSequence s && Arrays.deepEquals(rows, s.rows)
                && Arrays.equals(noteIndexes, s.noteIndexes) && Arrays.equals(ticks, s.ticks)
                && Arrays.equals(bars, s.bars) && Arrays.equals(positions, s.positions)
                && ticksPerQuarter == s.ticksPerQuarter;
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
