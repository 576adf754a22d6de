package org.partita.training;

/**
 * Where training windows may start within a piece (e.g. bar starts from the tokenizer): token offsets into the
 * piece, ascending, each in {@code 0 .. length-1}. Offset 0 means the window begins with BOS. Called once per
 * sampled window; cache inside if computing is costly.
 */
@FunctionalInterface
public interface WindowStarts {
    int[] offsets(int fileIndex, int[] pieceTokens);
}
