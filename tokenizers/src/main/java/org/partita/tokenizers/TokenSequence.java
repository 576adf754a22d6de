package org.partita.tokenizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Token ids with, for every token, where it sits in the music: the index of the note it belongs to
 * (or -1 for time, tempo and meter tokens), its tick, bar and position (in the tokenizer's position
 * units within the bar). Ticks are in the resolution of the preprocessed score
 * ({@link #ticksPerQuarter()}); notes are indexed in the order of
 * {@link #notes(org.partita.symbolic.Score) the preprocessed score's tracks, then notes}.
 *
 * <p>Immutable (arrays are copied in and out) and thread-safe. Invariant: all arrays have the same length.
 */
public final class TokenSequence {

    private final int[] ids;
    private final int[] noteIndexes;
    private final long[] ticks;
    private final int[] bars;
    private final int[] positions;
    private final int ticksPerQuarter;

    public TokenSequence(int[] ids, int[] noteIndexes, long[] ticks, int[] bars, int[] positions, int ticksPerQuarter) {
        this(ids.clone(), noteIndexes.clone(), ticks.clone(), bars.clone(), positions.clone(), ticksPerQuarter, true);
    }

    /** Takes the arrays without copying (callers hand over arrays nobody else holds). */
    private TokenSequence(int[] ids, int[] noteIndexes, long[] ticks, int[] bars, int[] positions, int ticksPerQuarter,
                          boolean owned) {
        Objects.requireNonNull(ids, "ids");
        int n = ids.length;
        if (noteIndexes.length != n || ticks.length != n || bars.length != n || positions.length != n) {
            throw new IllegalArgumentException("all arrays must have length " + n + ", got " + noteIndexes.length
                    + ", " + ticks.length + ", " + bars.length + ", " + positions.length);
        }
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + ticksPerQuarter);
        }
        this.ids = ids;
        this.noteIndexes = noteIndexes;
        this.ticks = ticks;
        this.bars = bars;
        this.positions = positions;
        this.ticksPerQuarter = ticksPerQuarter;
    }

    /** A builder that grows as tokens are added; {@link Builder#build()} copies each array once. */
    public static Builder builder(int initialCapacity, int ticksPerQuarter) {
        return new Builder(initialCapacity, ticksPerQuarter);
    }

    /**
     * Accumulates tokens for one {@link TokenSequence} without per-token objects. Not thread-safe;
     * use one builder per sequence. {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private int[] ids;
        private int[] notes;
        private long[] ticks;
        private int[] bars;
        private int[] positions;
        private int size;
        private final int ticksPerQuarter;

        private Builder(int initialCapacity, int ticksPerQuarter) {
            if (ticksPerQuarter < 1) {
                throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + ticksPerQuarter);
            }
            int cap = Math.max(16, initialCapacity);
            ids = new int[cap];
            notes = new int[cap];
            ticks = new long[cap];
            bars = new int[cap];
            positions = new int[cap];
            this.ticksPerQuarter = ticksPerQuarter;
        }

        /** Appends one token. */
        public Builder add(int id, int noteIndex, long tick, int bar, int position) {
            if (size == ids.length) {
                int cap = size * 2;
                ids = Arrays.copyOf(ids, cap);
                notes = Arrays.copyOf(notes, cap);
                ticks = Arrays.copyOf(ticks, cap);
                bars = Arrays.copyOf(bars, cap);
                positions = Arrays.copyOf(positions, cap);
            }
            ids[size] = id;
            notes[size] = noteIndex;
            ticks[size] = tick;
            bars[size] = bar;
            positions[size] = position;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public TokenSequence build() {
            return new TokenSequence(Arrays.copyOf(ids, size), Arrays.copyOf(notes, size), Arrays.copyOf(ticks, size),
                    Arrays.copyOf(bars, size), Arrays.copyOf(positions, size), ticksPerQuarter, true);
        }
    }

    public int size() {
        return ids.length;
    }

    public int[] ids() {
        return ids.clone();
    }

    public int id(int i) {
        return ids[i];
    }

    /** Index of the note token {@code i} belongs to, or -1. */
    public int noteIndex(int i) {
        return noteIndexes[i];
    }

    public long tick(int i) {
        return ticks[i];
    }

    public int bar(int i) {
        return bars[i];
    }

    public int position(int i) {
        return positions[i];
    }

    public int[] noteIndexes() {
        return noteIndexes.clone();
    }

    public long[] ticks() {
        return ticks.clone();
    }

    public int[] bars() {
        return bars.clone();
    }

    public int[] positions() {
        return positions.clone();
    }

    /** Resolution of {@link #tick(int)}. */
    public int ticksPerQuarter() {
        return ticksPerQuarter;
    }

    /** The token strings. */
    public List<String> tokens(Vocabulary vocabulary) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(vocabulary.token(id));
        }
        return out;
    }

    /** The notes of a score in the order {@link #noteIndex} counts them: tracks in order, then notes. */
    public static List<org.partita.symbolic.Note> notes(org.partita.symbolic.Score score) {
        List<org.partita.symbolic.Note> out = new ArrayList<>(score.noteCount());
        for (org.partita.symbolic.Track t : score.tracks()) {
            out.addAll(t.notes());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSequence s && Arrays.equals(ids, s.ids) && Arrays.equals(noteIndexes, s.noteIndexes)
                && Arrays.equals(ticks, s.ticks) && Arrays.equals(bars, s.bars) && Arrays.equals(positions, s.positions)
                && ticksPerQuarter == s.ticksPerQuarter;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TokenSequence(" + ids.length + " tokens)";
    }
}
