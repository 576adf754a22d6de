package org.partita.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;
import org.partita.training.TrainConfig;
import org.partita.training.TransformerConfig;

/**
 * The model and training configuration of a {@code partita train} run: the library defaults, with the model's
 * vocabulary size taken from the corpus, overlaid by a {@code train.json} of the form
 * {@code {"model": {...TransformerConfig keys...}, "training": {...TrainConfig keys...}}} (each part and each key
 * optional; unknown keys are errors). Immutable.
 */
record TrainSettings(TransformerConfig model, TrainConfig training) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    TrainSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
    }

    /** Defaults for a corpus of {@code vocabSize} ids overlaid by {@code json} (may be null). */
    static TrainSettings of(int vocabSize, String json) {
        TransformerConfig model = TransformerConfig.defaults().withVocabSize(vocabSize);
        TrainConfig training = TrainConfig.defaults();
        if (json == null) {
            return new TrainSettings(model, training);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"model\" and/or \"training\", got "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("model") && !key.equals("training")) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (known: model, training)");
            }
        }
        return new TrainSettings(
                TransformerConfig.fromJson(overlay(model.toJson(), root.get("model"), "model")),
                TrainConfig.fromJson(overlay(training.toJson(), root.get("training"), "training")));
    }

    static String overlay(String defaults, JsonNode part, String name) {
        if (part == null) {
            return defaults;
        }
        if (!part.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a JSON object, got " + part.getNodeType());
        }
        try {
            ObjectNode merged = (ObjectNode) MAPPER.readTree(defaults);
            merged.setAll((ObjectNode) part);
            return MAPPER.writeValueAsString(merged);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
