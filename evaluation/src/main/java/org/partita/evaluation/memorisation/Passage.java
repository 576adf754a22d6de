package org.partita.evaluation.memorisation;

import java.util.Objects;

/**
 * A passage of a checked piece that also occurs in a training piece (transposed or not).
 *
 * @param bars            its length in the checked piece, in bars of the meter where it starts: from the first
 *                        note's onset to the latest end of its notes
 * @param notes           notes in the passage
 * @param line            where it is in the checked piece ("track 1: Piano", "melody")
 * @param firstBar        bar (1-based) of the checked piece where it starts
 * @param source          the training file
 * @param sourceLine      where it is in the training file
 * @param sourceFirstBar  first bar (1-based) of the training file's passage
 * @param sourceLastBar   last bar (1-based) of the training file's passage
 * @param transposition   semitones from the training passage to the checked one (0 for an exact copy)
 */
public record Passage(double bars, int notes, String line, int firstBar, String source, String sourceLine,
                      int sourceFirstBar, int sourceLastBar, int transposition) {

    public Passage {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceLine, "sourceLine");
        if (notes < 1) {
            throw new IllegalArgumentException("notes must be >= 1, got " + notes);
        }
    }

    /** True when this passage is longer than {@code other}: more notes, then more bars. */
    public boolean longerThan(Passage other) {
        return other == null || notes > other.notes || (notes == other.notes && bars > other.bars);
    }
}
