package org.partita.symbolic;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a track's notes were listed where they came from (for a MIDI file: the order of
 * their Note On messages), kept beside the track's canonical note list. Immutable and thread-safe.
 *
 * <p>A {@link Track} always holds its notes in canonical order, so two tracks with the same notes
 * compare equal by content. Some consumers need the source's order too: MidiTok (with symusic)
 * tokenizes the notes of a track that shares a tick in the order of their Note On messages, so a
 * tokenizer that wants MidiTok's exact tokens must see that order (see {@code docs/tokenizers.md}).
 * The order is a permutation: {@link #canonicalIndex(int) canonicalIndex(i)} is the index, in the
 * track's canonical note list, of the i-th note in source order.
 *
 * <p>{@link #canonical()} (the common case, and the value for every track not read from a file)
 * means the source listed the notes in canonical order; it holds no array.
 */
public final class SourceOrder {

    private static final SourceOrder CANONICAL = new SourceOrder(null);

    /** Canonical indexes in source order; null for the canonical order. */
    private final int[] canonicalIndexes;

    private SourceOrder(int[] canonicalIndexes) {
        this.canonicalIndexes = canonicalIndexes;
    }

    /** The source listed the notes in canonical order. */
    public static SourceOrder canonical() {
        return CANONICAL;
    }

    /**
     * The order given by {@code canonicalIndexes} (copied): entry i is the canonical index of the
     * i-th note in source order. Must be a permutation of {@code 0..length-1}; the identity gives
     * {@link #canonical()}.
     *
     * @throws IllegalArgumentException if it is not a permutation (the message names the first bad entry)
     */
    public static SourceOrder of(int[] canonicalIndexes) {
        int n = canonicalIndexes.length;
        boolean[] seen = new boolean[n];
        boolean identity = true;
        for (int i = 0; i < n; i++) {
            int k = canonicalIndexes[i];
            if (k < 0 || k >= n || seen[k]) {
                throw new IllegalArgumentException("source order must be a permutation of 0.." + (n - 1)
                        + ", got " + k + " at position " + i + (k >= 0 && k < n ? " (repeated)" : ""));
            }
            seen[k] = true;
            identity &= k == i;
        }
        return identity ? CANONICAL : new SourceOrder(canonicalIndexes.clone());
    }

    /**
     * Sorts {@code notesInSourceOrder} into canonical order and records the order they came in.
     * Returns the canonical list; the order is passed to {@code orderOut[0]}. Stable: notes equal in
     * every field keep their source order. One pass when the notes are already canonical.
     */
    static List<Note> sortRecording(List<Note> notesInSourceOrder, SourceOrder[] orderOut) {
        Note[] notes = notesInSourceOrder.toArray(new Note[0]);
        boolean sorted = true;
        for (int i = 1; i < notes.length && sorted; i++) {
            sorted = notes[i - 1].compareTo(notes[i]) <= 0;
        }
        if (sorted) {
            orderOut[0] = CANONICAL;
            return List.of(notes);
        }
        Integer[] bySourceIndex = new Integer[notes.length];
        for (int i = 0; i < notes.length; i++) {
            bySourceIndex[i] = i;
        }
        // TimSort (stable, near-linear on the almost-sorted lists MIDI files give)
        Arrays.sort(bySourceIndex, Comparator.comparing((Integer i) -> notes[i]));
        Note[] canonical = new Note[notes.length];
        int[] canonicalIndexOfSource = new int[notes.length];
        for (int c = 0; c < notes.length; c++) {
            int source = bySourceIndex[c];
            canonical[c] = notes[source];
            canonicalIndexOfSource[source] = c;
        }
        orderOut[0] = new SourceOrder(canonicalIndexOfSource);
        return List.of(canonical);
    }

    /** True when the source listed the notes in canonical order. */
    public boolean isCanonical() {
        return canonicalIndexes == null;
    }

    /**
     * The canonical index of the {@code sourcePosition}-th note in source order (the identity for
     * {@link #canonical()}).
     */
    public int canonicalIndex(int sourcePosition) {
        return canonicalIndexes == null ? sourcePosition : canonicalIndexes[sourcePosition];
    }

    /** The number of notes this order covers; 0 for {@link #canonical()}, which fits any track. */
    public int size() {
        return canonicalIndexes == null ? 0 : canonicalIndexes.length;
    }

    /** {@code notes} (a track's canonical list) in this source order. */
    public List<Note> apply(List<Note> notes) {
        if (canonicalIndexes == null) {
            return notes;
        }
        if (notes.size() != canonicalIndexes.length) {
            throw new IllegalArgumentException("source order covers " + canonicalIndexes.length + " notes, the list has "
                    + notes.size());
        }
        Note[] out = new Note[notes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = notes.get(canonicalIndexes[i]);
        }
        return List.of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceOrder other && Arrays.equals(canonicalIndexes, other.canonicalIndexes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonicalIndexes);
    }

    @Override
    public String toString() {
        if (canonicalIndexes == null) {
            return "SourceOrder[canonical]";
        }
        int shown = Math.min(canonicalIndexes.length, 16);
        return "SourceOrder" + Arrays.toString(Arrays.copyOf(canonicalIndexes, shown))
                .replace("]", canonicalIndexes.length > shown ? ", ...]" : "]");
    }
}
