package org.partita.training;

/**
 * How to train. Immutable, validated, saved in every checkpoint's {@code config.json} (unknown keys rejected).
 *
 * @param steps total optimizer steps; the learning-rate schedule spans exactly these
 * @param batchSize windows per step
 * @param learningRate peak learning rate after warm-up
 * @param minLearningRate learning rate at the end of the cosine decay
 * @param warmupSteps linear warm-up from 0 to {@code learningRate}
 * @param weightDecay AdamW decoupled decay, applied to weight matrices and embeddings only
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param epsilon AdamW denominator term
 * @param gradClip global L2 norm above which gradients are scaled down (0 = no clipping)
 * @param logEvery steps between progress events and {@code metrics.jsonl} lines
 * @param evalEvery steps between validation runs (0 = never; the last step always validates if possible)
 * @param evalWindows cap on validation windows per run
 * @param checkpointEvery steps between checkpoints (0 = only at the end)
 * @param validationFraction share of files held out for validation
 * @param seed seed of initialisation, split, window sampling and dropout
 * @param threads PyTorch intra-op threads (0 = available processors)
 */
public record TrainConfig(
        int steps,
        int batchSize,
        double learningRate,
        double minLearningRate,
        int warmupSteps,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        double gradClip,
        int logEvery,
        int evalEvery,
        int evalWindows,
        int checkpointEvery,
        double validationFraction,
        long seed,
        int threads) {

    public TrainConfig {
        require(steps >= 1, "steps must be >= 1, got " + steps);
        require(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        require(learningRate > 0, "learningRate must be > 0, got " + learningRate);
        require(minLearningRate >= 0 && minLearningRate <= learningRate,
                "minLearningRate must be in [0, learningRate=" + learningRate + "], got " + minLearningRate);
        require(warmupSteps >= 0, "warmupSteps must be >= 0, got " + warmupSteps);
        require(weightDecay >= 0, "weightDecay must be >= 0, got " + weightDecay);
        require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
        require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
        require(gradClip >= 0, "gradClip must be >= 0, got " + gradClip);
        require(logEvery >= 1, "logEvery must be >= 1, got " + logEvery);
        require(evalEvery >= 0, "evalEvery must be >= 0, got " + evalEvery);
        require(evalWindows >= 1, "evalWindows must be >= 1, got " + evalWindows);
        require(checkpointEvery >= 0, "checkpointEvery must be >= 0, got " + checkpointEvery);
        require(validationFraction >= 0 && validationFraction < 1,
                "validationFraction must be in [0, 1), got " + validationFraction);
        require(threads >= 0, "threads must be >= 0, got " + threads);
    }

    public static TrainConfig defaults() {
        return new TrainConfig(5000, 8, 3e-4, 3e-5, 200, 0.1, 0.9, 0.95, 1e-8, 1.0, 10, 250, 64, 500, 0.05, 1234L, 0);
    }

    /** Threads actually used: {@link #threads()} or, if 0, the available processors. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Learning rate at 1-based {@code step}: linear warm-up, then cosine decay to {@code minLearningRate}. */
    public double learningRateAt(int step) {
        if (step <= warmupSteps) {
            return learningRate * step / Math.max(1, warmupSteps);
        }
        int decaySteps = steps - warmupSteps;
        double progress = decaySteps <= 0 ? 1 : Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return minLearningRate + 0.5 * (1 + Math.cos(Math.PI * progress)) * (learningRate - minLearningRate);
    }

    public TrainConfig withSteps(int v) { return new TrainConfig(v, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withBatchSize(int v) { return new TrainConfig(steps, v, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withLearningRate(double v) { return new TrainConfig(steps, batchSize, v, Math.min(minLearningRate, v), warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withMinLearningRate(double v) { return new TrainConfig(steps, batchSize, learningRate, v, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withWarmupSteps(int v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, v, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withWeightDecay(double v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, v, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withBetas(double b1, double b2) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, b1, b2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withEpsilon(double v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, v, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withGradClip(double v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, v, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withLogEvery(int v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, v, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withEvalEvery(int v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, v, evalWindows, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withEvalWindows(int v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, v, checkpointEvery, validationFraction, seed, threads); }
    public TrainConfig withCheckpointEvery(int v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, v, validationFraction, seed, threads); }
    public TrainConfig withValidationFraction(double v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, v, seed, threads); }
    public TrainConfig withSeed(long v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, v, threads); }
    public TrainConfig withThreads(int v) { return new TrainConfig(steps, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, epsilon, gradClip, logEvery, evalEvery, evalWindows, checkpointEvery, validationFraction, seed, v); }

    public String toJson() {
        return Json.write(this);
    }

    public static TrainConfig fromJson(String json) {
        return Json.read(json, TrainConfig.class);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
