package org.partita.training.roll;

import org.partita.training.Json;
import org.partita.training.TrainConfig;
import org.partita.training.Versions;

import java.util.List;

/**
 * The {@code config.json} of a piano-roll model checkpoint: enough to rebuild the model and continue training
 * exactly. Unknown keys are rejected.
 *
 * @param formatVersion layout version (1)
 * @param kind always {@value #KIND}, so a token-model loader refuses it clearly
 * @param model the model's shape
 * @param training the effective training config (its seed drives every random choice)
 * @param step optimizer steps completed
 * @param bestValidationLoss lowest validation loss so far (null if none)
 * @param bestStep step of that loss (0 if none)
 * @param split piece count and held-out sources, so a resume can check the corpus is the same
 * @param corpusDirectory where the training files were read from
 * @param rng how randomness is derived from (seed, step)
 * @param versions library and runtime versions that wrote this checkpoint
 * @param gitCommit commit of the working directory when written, null if unknown
 */
public record RollCheckpointInfo(int formatVersion, String kind, RollModelConfig model, TrainConfig training,
                                 int step, Double bestValidationLoss, int bestStep, Split split,
                                 String corpusDirectory, String rng, Versions versions, String gitCommit) {
    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "coconet-roll";

    public RollCheckpointInfo {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
        }
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + KIND + " (a piano-roll model), got " + kind);
        }
    }

    /** @param seed split seed; @param pieceCount pieces in the corpus; @param validationSources held-out pieces */
    public record Split(long seed, double validationFraction, int pieceCount, List<String> validationSources) {}

    public String toJson() {
        return Json.write(this);
    }

    public static RollCheckpointInfo fromJson(String json) {
        return Json.read(json, RollCheckpointInfo.class);
    }
}
