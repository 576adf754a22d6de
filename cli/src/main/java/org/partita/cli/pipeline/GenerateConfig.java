package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import org.partita.training.GenerationConfig;

/**
 * What to generate: from which model, after which prompt, how long, how sampled, written where. Immutable.
 *
 * @param model      run directory written by {@code Trainer} (or one checkpoint directory in it)
 * @param prompt     MIDI file whose opening the samples continue, or null for unconditional samples
 * @param promptBars bars of {@code prompt} to use, >= 1 (ignored without a prompt)
 * @param maxBars    most bars per piece, the prompt's included (0 = no limit; with a prompt it must exceed
 *                   {@code promptBars})
 * @param sampling   tokens per sample ({@code maxNewTokens}), temperature, top-k, top-p, seed, samples
 * @param outputs    which files to write where
 * @param threads    PyTorch intra-op threads (0 = available processors)
 */
public record GenerateConfig(Path model, Path prompt, int promptBars, int maxBars, GenerationConfig sampling,
                             PieceOutputs outputs, int threads) {

    public GenerateConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(outputs, "outputs");
        if (prompt != null && promptBars < 1) {
            throw new IllegalArgumentException("--prompt-bars must be >= 1, got " + promptBars);
        }
        if (maxBars < 0) {
            throw new IllegalArgumentException("--max-bars must be >= 0 (0 = no limit), got " + maxBars);
        }
        if (prompt != null && maxBars > 0 && maxBars <= promptBars) {
            throw new IllegalArgumentException("--max-bars (" + maxBars + ") must be more than --prompt-bars ("
                    + promptBars + "): the limit counts the prompt's bars");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
    }

    /** Unconditional, at most 16 bars, 4 samples, seed 7, one thread, MIDI only into {@code outDir}. */
    public static GenerateConfig defaults(Path model, Path outDir) {
        return new GenerateConfig(model, null, 4, 16,
                GenerationConfig.defaults().withMaxNewTokens(4096).withTemperature(1.0).withTopP(0.95)
                        .withSeed(7).withSamples(4),
                PieceOutputs.midiOnly(outDir), 1);
    }

    public GenerateConfig withPrompt(Path newPrompt, int newPromptBars) {
        return new GenerateConfig(model, newPrompt, newPromptBars, maxBars, sampling, outputs, threads);
    }

    public GenerateConfig withMaxBars(int newMaxBars) {
        return new GenerateConfig(model, prompt, promptBars, newMaxBars, sampling, outputs, threads);
    }

    public GenerateConfig withSampling(GenerationConfig newSampling) {
        return new GenerateConfig(model, prompt, promptBars, maxBars, newSampling, outputs, threads);
    }

    public GenerateConfig withOutputs(PieceOutputs newOutputs) {
        return new GenerateConfig(model, prompt, promptBars, maxBars, sampling, newOutputs, threads);
    }

    public GenerateConfig withThreads(int newThreads) {
        return new GenerateConfig(model, prompt, promptBars, maxBars, sampling, outputs, newThreads);
    }
}
