package org.partita.training.roll;

/**
 * How to fill erased cells. Immutable, validated.
 *
 * @param gibbs true: annealed blocked Gibbs sampling (Coconet); false: one pass of independent sampling, every
 *        erased cell drawn at once from the model's prediction given only the given cells (for comparison)
 * @param steps Gibbs steps; 0 = {@code voices · steps of the piece} (Coconet's default). A piece longer than
 *        {@link RollSampler#WINDOW_STEPS} is sampled window by window, and this is then the count per window
 *        (0 = {@code voices ·} the window's new steps)
 * @param maxBlockProbability share of erased cells resampled at the first step (Yao et al.'s pmax)
 * @param minBlockProbability share resampled once annealing ends (pmin)
 * @param annealFraction share of the steps over which the share falls linearly from max to min (alpha)
 * @param temperature softmax temperature of every draw
 * @param seed seed of every random choice
 */
public record SamplingConfig(boolean gibbs, int steps, double maxBlockProbability, double minBlockProbability,
                             double annealFraction, double temperature, long seed) {
    public SamplingConfig {
        require(steps >= 0, "steps must be >= 0, got " + steps);
        require(minBlockProbability > 0 && minBlockProbability <= maxBlockProbability && maxBlockProbability <= 1,
                "need 0 < minBlockProbability <= maxBlockProbability <= 1, got " + minBlockProbability + ", " + maxBlockProbability);
        require(annealFraction > 0 && annealFraction <= 1, "annealFraction must be in (0, 1], got " + annealFraction);
        require(temperature > 0, "temperature must be > 0, got " + temperature);
    }

    /** Coconet's schedule: 0.9 → 0.1 over the first 70% of T·V steps, temperature 0.99. */
    public static SamplingConfig defaults() {
        return new SamplingConfig(true, 0, 0.9, 0.1, 0.7, 0.99, 1L);
    }

    public SamplingConfig withSeed(long v) { return new SamplingConfig(gibbs, steps, maxBlockProbability, minBlockProbability, annealFraction, temperature, v); }
    public SamplingConfig withSteps(int v) { return new SamplingConfig(gibbs, v, maxBlockProbability, minBlockProbability, annealFraction, temperature, seed); }
    public SamplingConfig withTemperature(double v) { return new SamplingConfig(gibbs, steps, maxBlockProbability, minBlockProbability, annealFraction, v, seed); }
    public SamplingConfig withGibbs(boolean v) { return new SamplingConfig(v, steps, maxBlockProbability, minBlockProbability, annealFraction, temperature, seed); }

    /** Share of erased cells resampled at 0-based step {@code i} of {@code n} (Yao et al.'s truncated linear schedule). */
    public double blockProbability(int i, int n) {
        double fall = (maxBlockProbability - minBlockProbability) * i / n / annealFraction;
        return Math.max(minBlockProbability, maxBlockProbability - fall);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
