package org.partita.attention;

/**
 * Per analysed head, sums behind the head summaries (ATTENTION.md), pooled by adding: normalised
 * entropy over query rows q ≥ 1, weight on the previous token (rows q ≥ 1), weight on tokens of no
 * note (all rows), weight of a note on the previous note (notes after the first). Mutable; used by
 * one thread at a time.
 */
final class HeadSums {
    double entropySum;
    long entropyRows;
    double previousTokenSum;
    long previousTokenRows;
    double nonNoteSum;
    long nonNoteRows;
    double previousNoteSum;
    long previousNoteRows;

    void add(HeadSums o) {
        entropySum += o.entropySum;
        entropyRows += o.entropyRows;
        previousTokenSum += o.previousTokenSum;
        previousTokenRows += o.previousTokenRows;
        nonNoteSum += o.nonNoteSum;
        nonNoteRows += o.nonNoteRows;
        previousNoteSum += o.previousNoteSum;
        previousNoteRows += o.previousNoteRows;
    }
}
