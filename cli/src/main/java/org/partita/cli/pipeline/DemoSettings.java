package org.partita.cli.pipeline;

import java.util.Objects;
import org.partita.training.PositionalEncoding;
import org.partita.training.TrainConfig;
import org.partita.training.TransformerConfig;

/**
 * How big a demo run is. Immutable. One seed drives the synthetic corpus, the training run (initialisation,
 * split, batches) and sampling, so the same settings give the same files on the same machine and thread count.
 *
 * @param seed            seed of corpus, training and sampling
 * @param pieces          synthetic pieces to train on (one more is made and held out as the prompt source)
 * @param minBars         fewest bars in a synthetic piece
 * @param maxBarsPerPiece most bars in a synthetic piece
 * @param model           model shape; its {@code vocabSize} is replaced by the tokenizer's
 * @param training        training schedule; its {@code seed} and {@code threads} are replaced by this record's
 * @param promptBars      bars of the held-out piece the continuations start from
 * @param maxBars         most bars in a generated piece (prompt included)
 * @param maxNewTokens    most tokens sampled per piece
 * @param samplesEach     continuations, and as many unconditional pieces
 * @param temperature     sampling temperature
 * @param topP            nucleus sampling threshold
 * @param wav             render WAV files of the generated pieces
 * @param threads         PyTorch intra-op threads (0 = available processors)
 */
public record DemoSettings(long seed, int pieces, int minBars, int maxBarsPerPiece, TransformerConfig model,
                           TrainConfig training, int promptBars, int maxBars, int maxNewTokens, int samplesEach,
                           double temperature, double topP, boolean wav, int threads) {

    public DemoSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        if (pieces < 2) {
            throw new IllegalArgumentException("--count must be >= 2 (some pieces are held out for validation), got " + pieces);
        }
        if (minBars <= promptBars || maxBarsPerPiece < minBars) {
            throw new IllegalArgumentException("pieces must have more bars than the prompt (" + promptBars + "), got "
                    + minBars + ".." + maxBarsPerPiece);
        }
        if (maxBars <= promptBars) {
            throw new IllegalArgumentException("maxBars must exceed promptBars (" + promptBars + "), got " + maxBars);
        }
        if (samplesEach < 1) {
            throw new IllegalArgumentException("samplesEach must be >= 1, got " + samplesEach);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
    }

    /**
     * The demo as shipped: 128 pieces of 8-16 bars, a 2-layer model of width 128 with context 256 trained for 800
     * steps of 8 windows on one thread, 2 + 2 pieces of at most 8 bars. About 2 CPU-minutes, so within 5 minutes on
     * a 2-core laptop CPU (docs/cli.md has the measurements: validation loss levels off near 800 steps; two threads
     * on a busy machine cost four times the CPU).
     */
    public static DemoSettings defaults() {
        TransformerConfig model = new TransformerConfig(2, 256, 128, 2, 4, 0.0, PositionalEncoding.LEARNED, true);
        TrainConfig training = TrainConfig.defaults().withSteps(800).withBatchSize(8).withLearningRate(1e-3)
                .withMinLearningRate(1e-4).withWarmupSteps(50).withLogEvery(10).withEvalEvery(200)
                .withEvalWindows(16).withCheckpointEvery(0).withValidationFraction(0.1);
        return new DemoSettings(42, 128, 8, 16, model, training, 2, 8, 1024, 2, 1.0, 0.95, true, 1);
    }

    /** A run of seconds for tests: 8 short pieces, a tiny model, 30 steps, 1 + 1 pieces of at most 4 bars. */
    public static DemoSettings quick() {
        TransformerConfig model = new TransformerConfig(2, 64, 32, 1, 2, 0.0, PositionalEncoding.LEARNED, true);
        TrainConfig training = TrainConfig.defaults().withSteps(30).withBatchSize(4).withLearningRate(3e-3)
                .withMinLearningRate(3e-4).withWarmupSteps(5).withLogEvery(10).withEvalEvery(0)
                .withEvalWindows(4).withCheckpointEvery(0).withValidationFraction(0.25);
        return new DemoSettings(42, 8, 3, 4, model, training, 2, 4, 200, 1, 1.0, 0.95, true, 1);
    }

    public DemoSettings withSeed(long newSeed) {
        return new DemoSettings(newSeed, pieces, minBars, maxBarsPerPiece, model, training, promptBars, maxBars,
                maxNewTokens, samplesEach, temperature, topP, wav, threads);
    }

    public DemoSettings withPieces(int newPieces) {
        return new DemoSettings(seed, newPieces, minBars, maxBarsPerPiece, model, training, promptBars, maxBars,
                maxNewTokens, samplesEach, temperature, topP, wav, threads);
    }

    public DemoSettings withTraining(TrainConfig newTraining) {
        return new DemoSettings(seed, pieces, minBars, maxBarsPerPiece, model, newTraining, promptBars, maxBars,
                maxNewTokens, samplesEach, temperature, topP, wav, threads);
    }

    public DemoSettings withWav(boolean newWav) {
        return new DemoSettings(seed, pieces, minBars, maxBarsPerPiece, model, training, promptBars, maxBars,
                maxNewTokens, samplesEach, temperature, topP, newWav, threads);
    }

    public DemoSettings withThreads(int newThreads) {
        return new DemoSettings(seed, pieces, minBars, maxBarsPerPiece, model, training, promptBars, maxBars,
                maxNewTokens, samplesEach, temperature, topP, wav, newThreads);
    }

    /** The training config actually used: this record's seed and threads. */
    public TrainConfig effectiveTraining() {
        return training.withSeed(seed).withThreads(threads);
    }
}
