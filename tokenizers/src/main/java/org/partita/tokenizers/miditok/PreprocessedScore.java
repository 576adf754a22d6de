package org.partita.tokenizers.miditok;

import java.util.Objects;
import org.partita.symbolic.Score;

/**
 * A score after MidiTok's preprocessing (tracks merged by program, times resampled, values snapped
 * to the bins; notes in the canonical {@code Track} order) together with MidiTok's note event order:
 * {@code noteEventOrder()[k]} is the index (into {@code TokenSequence.notes(score())}) of the k-th
 * note MidiTok tokenizes, which the canonical order would lose when notes share an onset. Every note
 * appears once. Immutable and thread-safe; the order array is copied in and out.
 */
public final class PreprocessedScore {

    private final Score score;
    private final int[] noteEventOrder;

    /** Checks that {@code noteEventOrder} is a permutation of the score's note indexes. */
    public PreprocessedScore(Score score, int[] noteEventOrder) {
        this.score = Objects.requireNonNull(score, "score");
        this.noteEventOrder = noteEventOrder.clone();
        int n = score.noteCount();
        if (this.noteEventOrder.length != n) {
            throw new IllegalArgumentException("noteEventOrder must list all " + n + " notes, got "
                    + this.noteEventOrder.length);
        }
        boolean[] seen = new boolean[n];
        for (int i : this.noteEventOrder) {
            if (i < 0 || i >= n || seen[i]) {
                throw new IllegalArgumentException("noteEventOrder must be a permutation of 0.." + (n - 1)
                        + ", got index " + i);
            }
            seen[i] = true;
        }
    }

    /** The preprocessed score. */
    public Score score() {
        return score;
    }

    /** MidiTok's note event order (a copy). */
    public int[] noteEventOrder() {
        return noteEventOrder.clone();
    }
}
