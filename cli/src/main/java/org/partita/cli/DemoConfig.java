package org.partita.cli;

import java.nio.file.Path;
import java.util.Objects;
import org.partita.cli.pipeline.DemoSettings;

/**
 * What {@code partita demo} was asked to do. Immutable.
 *
 * @param outDir  where to write (created if missing)
 * @param count   synthetic pieces to train on, 2..{@value #MAX_COUNT}; null = the settings' default
 * @param seed    seed of corpus, training and sampling
 * @param steps   training steps; null = the settings' default
 * @param threads PyTorch threads (0 = available processors)
 * @param wav     render WAV files
 * @param quick   tiny corpus and model (seconds, for tests and smoke checks; the music is noise)
 */
record DemoConfig(Path outDir, Integer count, long seed, Integer steps, int threads, boolean wav, boolean quick) {

    static final int MAX_COUNT = 1000;

    DemoConfig {
        Objects.requireNonNull(outDir, "outDir");
        if (count != null && (count < 2 || count > MAX_COUNT)) {
            throw new IllegalArgumentException("--count must be in 2.." + MAX_COUNT + ", got " + count);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = all processors), got " + threads);
        }
    }

    /** The pipeline settings these options select. */
    DemoSettings settings() {
        DemoSettings s = (quick ? DemoSettings.quick() : DemoSettings.defaults())
                .withSeed(seed).withThreads(threads).withWav(wav);
        if (count != null) {
            s = s.withPieces(count);
        }
        if (steps != null) {
            s = s.withTraining(s.training().withSteps(steps).withWarmupSteps(Math.min(s.training().warmupSteps(), steps)));
        }
        return s;
    }
}
