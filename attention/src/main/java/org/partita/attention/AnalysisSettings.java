package org.partita.attention;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How attention is analysed: fields, unit, baseline, which layers, and the percentile bootstrap over
 * sequences ({@code bootstrapSamples} = 0 turns it off; {@code seed} makes it reproducible and is
 * recorded in every output). Immutable.
 *
 * @param fields           fields to measure, in output order, no duplicates
 * @param unit             token or note
 * @param baseline         what gamma is compared with; {@link Baseline#MMT} only with {@link Unit#TOKEN}
 * @param layers           0-based layers to analyse; empty = all layers
 * @param bootstrapSamples resamples of the sequences; 0 = no intervals
 * @param seed             seed of the resampling
 * @param confidence       interval level in (0, 1), e.g. 0.95
 */
public record AnalysisSettings(List<Field> fields, Unit unit, Baseline baseline, int[] layers, int bootstrapSamples,
                               long seed, double confidence) {

    public AnalysisSettings {
        fields = List.copyOf(fields);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baseline, "baseline");
        layers = layers.clone();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("at least one field is needed");
        }
        if (fields.stream().distinct().count() != fields.size()) {
            throw new IllegalArgumentException("fields must not repeat, got " + fields);
        }
        if (unit == Unit.NOTE && baseline == Baseline.MMT) {
            throw new IllegalArgumentException("--unit note cannot use --baseline mmt: the mmt baseline is the reference "
                    + "script's token grid (queries 1..n-1, keys 0..n-2 including self and future keys), which has no note form; "
                    + "use causal-uniform or causal-pairs");
        }
        for (int l : layers) {
            if (l < 0) {
                throw new IllegalArgumentException("layers must be >= 0, got " + l);
            }
        }
        if (bootstrapSamples < 0) {
            throw new IllegalArgumentException("bootstrapSamples must be >= 0, got " + bootstrapSamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** All six fields, token unit, causal-uniform, all layers, 1,000 resamples, seed 1, 95%. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(List.of(Field.values()), Unit.TOKEN, Baseline.CAUSAL_UNIFORM, new int[0], 1000, 1, 0.95);
    }

    public AnalysisSettings withFields(List<Field> f) {
        return new AnalysisSettings(f, unit, baseline, layers, bootstrapSamples, seed, confidence);
    }

    public AnalysisSettings withUnit(Unit u) {
        return new AnalysisSettings(fields, u, baseline, layers, bootstrapSamples, seed, confidence);
    }

    public AnalysisSettings withBaseline(Baseline b) {
        return new AnalysisSettings(fields, unit, b, layers, bootstrapSamples, seed, confidence);
    }

    public AnalysisSettings withLayers(int... l) {
        return new AnalysisSettings(fields, unit, baseline, l, bootstrapSamples, seed, confidence);
    }

    public AnalysisSettings withBootstrap(int samples, long s) {
        return new AnalysisSettings(fields, unit, baseline, layers, samples, s, confidence);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** The layers analysed for a model with {@code modelLayers} layers, checking they exist. */
    public int[] layersOf(int modelLayers) {
        if (layers.length == 0) {
            int[] all = new int[modelLayers];
            Arrays.setAll(all, i -> i);
            return all;
        }
        for (int l : layers) {
            if (l >= modelLayers) {
                throw new IllegalArgumentException("layer " + l + " asked for, the attention has " + modelLayers + " layers (0.."
                        + (modelLayers - 1) + ")");
            }
        }
        return layers.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalysisSettings s && fields.equals(s.fields) && unit == s.unit && baseline == s.baseline
                && Arrays.equals(layers, s.layers) && bootstrapSamples == s.bootstrapSamples && seed == s.seed
                && confidence == s.confidence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, unit, baseline, Arrays.hashCode(layers), bootstrapSamples, seed, confidence);
    }

    @Override
    public String toString() {
        return "AnalysisSettings[fields=" + fields + ", unit=" + unit.label() + ", baseline=" + baseline.label() + ", layers="
                + Arrays.toString(layers) + ", bootstrap=" + bootstrapSamples + ", seed=" + seed + ", confidence=" + confidence + "]";
    }
}
