package org.partita.attention;

import java.util.Map;
import java.util.Objects;

/**
 * Where analysed attention came from, recorded in {@code attention.json}: the model run directory
 * and token corpus (or the npz and CSV files), how sequences were chosen, and tool versions.
 *
 * @param model         model run directory, or null for attention read from an npz
 * @param data          token corpus directory, or the npz file
 * @param attributes    the attribute CSV, or null for a model run
 * @param maxLength     window length in tokens (model runs), or 0
 * @param sequenceSeed  seed of the choice of pieces (model runs)
 * @param pitchTokens   whether only Pitch/PitchDrum tokens were units
 * @param versions      name → version (Partita, Java, ...)
 */
public record RunInfo(String model, String data, String attributes, int maxLength, long sequenceSeed, boolean pitchTokens,
                      Map<String, String> versions) {

    public RunInfo {
        Objects.requireNonNull(data, "data");
        versions = Map.copyOf(versions);
    }
}
