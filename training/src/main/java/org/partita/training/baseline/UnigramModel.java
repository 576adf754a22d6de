package org.partita.training.baseline;

import java.util.List;

/**
 * Add-one (Laplace) unigram model: {@code p(w) = (c(w) + 1) / (N + V)} where {@code c(w)} counts {@code w} as a
 * target in the training sequences (every position but the first, so a leading BOS is never counted), {@code N}
 * is the number of such targets and {@code V} the vocabulary size. Immutable and thread-safe.
 */
public final class UnigramModel implements TokenModel {
    private final long[] counts;
    private final long total;

    private UnigramModel(long[] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /** Counts the targets (positions 1..end) of every sequence; ids must be in {@code 0 .. vocabSize-1}. */
    public static UnigramModel fit(int vocabSize, List<int[]> sequences) {
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabSize must be >= 1, got " + vocabSize);
        }
        long[] counts = new long[vocabSize];
        long total = 0;
        for (int[] s : sequences) {
            for (int i = 1; i < s.length; i++) {
                NGramModel.checkId(s[i], vocabSize);
                counts[s[i]]++;
                total++;
            }
        }
        return new UnigramModel(counts, total);
    }

    @Override
    public double probability(int[] tokens, int start, int position) {
        int w = tokens[position];
        NGramModel.checkId(w, counts.length);
        return (counts[w] + 1.0) / (total + counts.length);
    }

    @Override
    public String name() {
        return "unigram (add-one)";
    }
}
