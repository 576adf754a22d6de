package org.partita.training.baseline;

/** A next-token model over token ids that can score a target given the ids before it. */
public interface TokenModel {
    /**
     * Probability of {@code tokens[position]} given {@code tokens[start .. position-1]} (the model may use only
     * the last few of those). Always in (0, 1]; summed over all targets of the vocabulary it is 1.
     */
    double probability(int[] tokens, int start, int position);

    /** A short name for tables, e.g. {@code "unigram (add-one)"}. */
    String name();
}
