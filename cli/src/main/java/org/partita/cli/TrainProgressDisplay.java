package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.partita.training.TrainingListener;

/**
 * Renders training events on stderr: on an interactive terminal one progress line rewritten in place
 * ({@code \r}), otherwise one plain log line per event. Validation results always get a line of their own.
 */
final class TrainProgressDisplay implements TrainingListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private int lastWidth;

    TrainProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        String line = String.format("step %d/%d  loss %.4f  lr %.2e  %,.0f tokens/s  ETA %s", p.step(),
                p.totalSteps(), p.loss(), p.learningRate(), p.tokensPerSecond(), duration(p.etaSeconds()));
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println("train: " + line);
        }
        err.flush();
    }

    @Override
    public void onValidation(ValidationResult r) {
        endLine();
        err.printf("train: validation at step %d: loss %.4f, perplexity %.3f over %d windows%s%n", r.step(), r.loss(),
                r.perplexity(), r.windows(), r.best() ? " (best so far)" : "");
        err.flush();
    }

    @Override
    public void onCheckpoint(int step, Path directory) {
        if (!terminal) {
            err.printf("train: checkpoint at step %d: %s%n", step, directory);
            err.flush();
        }
    }

    @Override
    public void close() {
        endLine();
        err.flush();
    }

    private void endLine() {
        if (terminal && lastWidth > 0) {
            err.println();
            lastWidth = 0;
        }
    }

    /** {@code 1:02:03} or {@code 4:05}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
