package org.partita.training;

import java.nio.file.Path;

/**
 * What a training run ended with.
 *
 * @param step last step completed (equals the schedule's steps unless stopped early)
 * @param lastLoss training loss of that step
 * @param bestValidationLoss lowest validation loss seen, NaN if never validated
 * @param lastCheckpoint the {@code last/} checkpoint directory
 * @param bestCheckpoint the {@code best/} checkpoint directory, null if never validated
 */
public record TrainResult(int step, double lastLoss, double bestValidationLoss, Path lastCheckpoint,
                          Path bestCheckpoint) {}
