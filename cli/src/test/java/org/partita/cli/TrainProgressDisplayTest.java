package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.partita.training.TrainingListener.TrainingProgress;
import org.partita.training.TrainingListener.ValidationResult;

class TrainProgressDisplayTest {
    private static final TrainingProgress STEP_10 = new TrainingProgress(10, 100, 2.5, 1e-3, 0.8, 2150, 245);

    @Test
    void onATerminalProgressRewritesOneLineAndValidationStartsANewOne() {
        StringWriter s = new StringWriter();
        try (TrainProgressDisplay d = new TrainProgressDisplay(new PrintWriter(s), true)) {
            d.onProgress(STEP_10);
            d.onProgress(new TrainingProgress(20, 100, 2.0, 1e-3, 0.8, 2150, 200));
            d.onValidation(new ValidationResult(20, 1.0, Math.E, 5, true));
        }
        String out = s.toString();
        assertTrue(out.startsWith("\rstep 10/100  loss 2.5000  lr 1.00e-03  2,150 tokens/s  ETA 4:05"), out);
        assertTrue(out.contains("\rstep 20/100"), out);
        assertFalse(out.contains("train: step"), out);
        assertTrue(out.contains("ETA 3:20\ntrain: validation at step 20: loss 1.0000, perplexity 2.718 over 5 windows"
                + " (best so far)\n"), out);
    }

    @Test
    void offATerminalEveryEventIsAPlainLogLine() {
        StringWriter s = new StringWriter();
        try (TrainProgressDisplay d = new TrainProgressDisplay(new PrintWriter(s), false)) {
            d.onProgress(STEP_10);
            d.onCheckpoint(10, java.nio.file.Path.of("run", "last"));
        }
        assertEquals("train: step 10/100  loss 2.5000  lr 1.00e-03  2,150 tokens/s  ETA 4:05\n"
                + "train: checkpoint at step 10: run" + java.io.File.separator + "last\n", s.toString());
    }
}
