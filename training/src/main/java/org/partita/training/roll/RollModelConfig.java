package org.partita.training.roll;

import org.partita.training.Json;

/**
 * Shape of a {@link RollModel}. Immutable, validated, saved in every checkpoint (unknown keys rejected).
 *
 * @param voices voices (input channels = 2 · voices: masked roll and mask)
 * @param layers 3×3 convolutions in total, including the input and output ones (≥ 3)
 * @param filters channels of every hidden layer
 * @param dilationCycle hidden layer {@code i} (1-based) uses dilation {@code 2^((i-1) mod dilationCycle)} on both
 *        axes; 1 = no dilation
 * @param cropSteps training crop length in 16th-note steps
 */
public record RollModelConfig(int voices, int layers, int filters, int dilationCycle, int cropSteps) {
    public RollModelConfig {
        require(voices >= 1, "voices must be >= 1, got " + voices);
        require(layers >= 3, "layers must be >= 3, got " + layers);
        require(filters >= 1, "filters must be >= 1, got " + filters);
        require(dilationCycle >= 1 && dilationCycle <= 6, "dilationCycle must be 1..6, got " + dilationCycle);
        require(cropSteps >= 1, "cropSteps must be >= 1, got " + cropSteps);
    }

    /** The reference CPU configuration (see docs/pianoroll-model.md). */
    public static RollModelConfig defaults() {
        return new RollModelConfig(4, 12, 32, 1, 32);
    }

    public RollModelConfig withLayers(int v) { return new RollModelConfig(voices, v, filters, dilationCycle, cropSteps); }
    public RollModelConfig withFilters(int v) { return new RollModelConfig(voices, layers, v, dilationCycle, cropSteps); }
    public RollModelConfig withDilationCycle(int v) { return new RollModelConfig(voices, layers, filters, v, cropSteps); }
    public RollModelConfig withCropSteps(int v) { return new RollModelConfig(voices, layers, filters, dilationCycle, v); }
    public RollModelConfig withVoices(int v) { return new RollModelConfig(v, layers, filters, dilationCycle, cropSteps); }

    /** Dilation of layer {@code i} (0-based; the input and output layers use 1). */
    public int dilation(int layer) {
        if (layer == 0 || layer == layers - 1) {
            return 1;
        }
        return 1 << ((layer - 1) % dilationCycle);
    }

    public String toJson() {
        return Json.write(this);
    }

    public static RollModelConfig fromJson(String json) {
        return Json.read(json, RollModelConfig.class);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
