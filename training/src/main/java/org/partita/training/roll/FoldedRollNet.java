package org.partita.training.roll;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.partita.training.DjlRuntime;

/**
 * A {@link RollModel}'s network in evaluation mode with each batch normalisation folded into the convolution
 * before it: {@code w' = w·γ/√(σ²+ε)} per output channel and {@code b' = β − μ·γ/√(σ²+ε)}, the usual inference
 * rewrite (one operation fewer per layer, the same function up to float rounding). A snapshot: it holds copies
 * made when it was built, so training the model afterwards does not change it. Sampling builds one per call.
 * Owns native memory; {@link #close()} frees it. Not thread-safe.
 */
final class FoldedRollNet implements AutoCloseable {
    private final RollModelConfig config;
    private final NDManager manager;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();

    /** Takes ownership of {@code weights} and {@code biases} (one per layer), attaching them to {@code manager}. */
    FoldedRollNet(RollModelConfig config, NDManager manager, List<NDArray> weights, List<NDArray> biases) {
        this.config = config;
        this.manager = manager;
        for (int i = 0; i < weights.size(); i++) {
            weights.get(i).attach(manager);
            biases.get(i).attach(manager);
            this.weights.add(weights.get(i));
            this.biases.add(biases.get(i));
        }
    }

    /** Log-probabilities {@code [b][v][t][c]} flattened in that order, as {@link RollModel#logProbabilities}. */
    float[] logProbabilities(int[][][] classes, boolean[][][] erased) {
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = manager.newSubManager()) {
            NDArray h = RollModel.input(scope, config, classes, erased); // (B, 2V, T, C)
            NDArray saved = null;
            int last = config.layers() - 1;
            for (int i = 0; i <= last; i++) {
                int d = config.dilation(i);
                NDArray y = h.getNDArrayInternal().convolution(h, weights.get(i), biases.get(i), new Shape(1, 1),
                        new Shape(d, d), new Shape(d, d), 1).get(0);
                if (i == last) {
                    return y.logSoftmax(3).toFloatArray(); // (B, V, T, C)
                }
                if (i % 2 == 1) {
                    saved = h;
                }
                if (i % 2 == 0 && i > 0 && saved != null) {
                    y = y.add(saved);
                }
                h = y.getNDArrayInternal().relu();
            }
            throw new AssertionError("unreachable");
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
