package org.partita.training;

import java.nio.file.Path;

/**
 * Receives training events; the library never prints, a CLI renders these. Called on the training thread;
 * keep it quick. All methods default to doing nothing.
 */
public interface TrainingListener {
    /** Every {@code logEvery} steps: the mean loss of those steps and throughput. */
    default void onProgress(TrainingProgress progress) {}

    /** After each validation run. */
    default void onValidation(ValidationResult result) {}

    /** After a checkpoint directory ({@code last} or {@code best}) was written and renamed into place. */
    default void onCheckpoint(int step, Path directory) {}

    TrainingListener NONE = new TrainingListener() {};

    /**
     * @param step 1-based optimizer step just finished
     * @param totalSteps steps of the whole schedule
     * @param loss mean training loss (nats per target token) since the previous event
     * @param learningRate learning rate used at {@code step}
     * @param gradNorm global gradient norm at {@code step}, before clipping
     * @param tokensPerSecond input tokens processed per second since the previous event
     * @param etaSeconds estimated time to {@code totalSteps} at this run's average speed
     */
    record TrainingProgress(int step, int totalSteps, double loss, double learningRate, double gradNorm,
                            double tokensPerSecond, double etaSeconds) {}

    /**
     * @param step step after which validation ran
     * @param loss mean loss over the validation windows' non-PAD targets
     * @param perplexity {@code exp(loss)}
     * @param windows number of validation windows
     * @param best whether this is the lowest validation loss so far (then {@code best/} was written)
     */
    record ValidationResult(int step, double loss, double perplexity, int windows, boolean best) {}
}
