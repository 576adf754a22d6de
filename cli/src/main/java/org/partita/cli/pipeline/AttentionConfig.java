package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import org.partita.attention.AnalysisSettings;
import org.partita.attention.ChartRanges;

/**
 * One {@code partita attention} run: either a model run over a token corpus ({@code model} and
 * {@code data}) or saved attention ({@code npz} and {@code attributes}), the analysis settings, and
 * where to write.
 *
 * @param model          training run or checkpoint directory, or null
 * @param data           token corpus directory, or null
 * @param npz            attention npz, or null
 * @param attributes     attribute CSV, or null
 * @param sequences      pieces to run the model on (model runs)
 * @param maxLength      window length in model positions (model runs)
 * @param sequenceSeed   seed of the choice of pieces (model runs)
 * @param pitchTokens    only Pitch/PitchDrum tokens are units (model runs)
 * @param saveNpz        also write attention.npz and tokens.csv (model runs)
 * @param settings       analysis settings
 * @param ranges         heatmap ranges
 * @param threads        PyTorch threads (model runs), 0 = all
 * @param out            output directory
 */
public record AttentionConfig(Path model, Path data, Path npz, Path attributes, int sequences, int maxLength, long sequenceSeed,
                              boolean pitchTokens, boolean saveNpz, AnalysisSettings settings, ChartRanges ranges, int threads,
                              Path out) {

    public AttentionConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ranges, "ranges");
        Objects.requireNonNull(out, "out");
        boolean modelMode = model != null || data != null;
        boolean npzMode = npz != null || attributes != null;
        if (modelMode == npzMode) {
            throw new IllegalArgumentException("give either --model and --data, or --npz and --attributes");
        }
        if (modelMode && (model == null || data == null)) {
            throw new IllegalArgumentException("--model and --data go together");
        }
        if (npzMode && (npz == null || attributes == null)) {
            throw new IllegalArgumentException("--npz and --attributes go together");
        }
        if (npzMode && (saveNpz || pitchTokens)) {
            throw new IllegalArgumentException((saveNpz ? "--save-npz" : "--pitch-tokens")
                    + " needs a model run (--model, --data): the attribute CSV has no token names");
        }
        if (sequences < 1) {
            throw new IllegalArgumentException("--num-sequences must be >= 1, got " + sequences);
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("--max-len must be >= 2, got " + maxLength);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
    }

    public boolean fromModel() {
        return model != null;
    }
}
