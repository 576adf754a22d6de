package org.partita.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.partita.cli.pipeline.DemoProgress;
import org.partita.training.TrainingListener;

/**
 * Prints a demo's stages and its training progress as plain lines on stderr: every stage, every validation,
 * and a training line at most every {@link ProgressDisplay#PLAIN_LINE_INTERVAL_SECONDS} seconds.
 */
final class DemoProgressLines implements DemoProgress, TrainingListener {

    private static final List<String> STAGES = List.of("corpus", "tokenize", "train", "generate", "harmonize");

    private final String task;
    private final PrintWriter err;
    private long nextLineNanos;

    DemoProgressLines(String task, PrintWriter err) {
        this.task = task;
        this.err = err;
    }

    @Override
    public void stage(String name, String detail) {
        err.printf("%s: [%d/%d] %s: %s%n", task, STAGES.indexOf(name) + 1, STAGES.size(), name, detail);
        err.flush();
        nextLineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(ProgressDisplay.PLAIN_LINE_INTERVAL_SECONDS);
    }

    @Override
    public TrainingListener training() {
        return this;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        if (System.nanoTime() < nextLineNanos && p.step() < p.totalSteps()) {
            return;
        }
        nextLineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(ProgressDisplay.PLAIN_LINE_INTERVAL_SECONDS);
        err.printf("%s: train step %d/%d, loss %.3f, %,.0f tokens/s, about %.0f s left%n", task, p.step(),
                p.totalSteps(), p.loss(), p.tokensPerSecond(), p.etaSeconds());
        err.flush();
    }

    @Override
    public void onValidation(ValidationResult v) {
        err.printf("%s: validation after step %d: loss %.3f, perplexity %.2f (%d windows)%n", task, v.step(),
                v.loss(), v.perplexity(), v.windows());
        err.flush();
    }
}
