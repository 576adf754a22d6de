package org.partita.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Objects;
import org.partita.training.TrainConfig;
import org.partita.training.roll.RollModelConfig;

/**
 * Model and training configuration of a {@code partita train-roll} run: {@link #defaults()} overlaid by a JSON
 * file {@code {"model": {RollModelConfig keys}, "training": {TrainConfig keys}}} (each key optional, unknown keys
 * are errors). Immutable.
 */
record RollTrainSettings(RollModelConfig model, TrainConfig training) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    RollTrainSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
    }

    /** The reference configuration (docs/pianoroll-model.md). */
    static RollTrainSettings defaults() {
        TrainConfig t = TrainConfig.defaults().withSteps(3000).withBatchSize(16).withLearningRate(2e-3)
                .withMinLearningRate(1e-4).withWarmupSteps(100).withWeightDecay(0).withEvalEvery(250)
                .withCheckpointEvery(250).withEvalWindows(256).withValidationFraction(0.1).withLogEvery(10);
        return new RollTrainSettings(RollModelConfig.defaults(), t);
    }

    static RollTrainSettings of(String json) {
        RollTrainSettings d = defaults();
        if (json == null) {
            return d;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"model\" and/or \"training\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("model") && !key.equals("training")) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (known: model, training)");
            }
        }
        return new RollTrainSettings(
                RollModelConfig.fromJson(TrainSettings.overlay(d.model().toJson(), root.get("model"), "model")),
                TrainConfig.fromJson(TrainSettings.overlay(d.training().toJson(), root.get("training"), "training")));
    }
}
