package org.partita.training.baseline;

import java.util.List;

/**
 * Per-token perplexity of a model on a set of windows.
 *
 * @param model the model's name
 * @param tokens number of targets scored
 * @param lossNats mean negative log-probability per target, in nats
 */
public record Perplexity(String model, long tokens, double lossNats) {

    public double perplexity() {
        return Math.exp(lossNats);
    }

    /**
     * Scores {@code windows} the way the trainer's validation does: in each window, every position from 1 on whose
     * id is not {@code padId} is a target, and only the ids of the same window before it are its context.
     */
    public static Perplexity of(TokenModel model, List<int[]> windows, int padId) {
        double sum = 0;
        long count = 0;
        for (int[] w : windows) {
            for (int j = 1; j < w.length; j++) {
                if (w[j] != padId) {
                    sum -= Math.log(model.probability(w, 0, j));
                    count++;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no targets in " + windows.size() + " windows (all PAD " + padId + ")");
        }
        return new Perplexity(model.name(), count, sum / count);
    }
}
