package org.partita.training.roll;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.partita.training.DjlRuntime;
import org.partita.training.ParamsIo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Coconet's convolutional net (Huang et al. 2017) over a multi-voice piano roll: the masked roll (one one-hot
 * channel per voice) and the mask (one channel per voice, 1 = erased) enter as {@code 2·voices} channels over a
 * (time, pitch) image; {@code layers} 3×3 convolutions, each but the last followed by batch normalisation and ReLU,
 * with a residual connection every two layers (added before the ReLU, as Magenta's {@code lib_graph.py}); the last
 * convolution gives per voice and step logits over {@link RollGrid#CLASS_COUNT} classes (46 pitches + silence).
 *
 * <p>Batch normalisation uses batch statistics in training and population statistics (an exponential moving
 * average with rate {@value #POPULATION_RATE}, as Magenta) otherwise; the population statistics are saved with
 * the weights.
 *
 * <p>Notation in shape comments: B batch, V voices, T steps, C classes (pitch axis), F filters.
 * Parameters live in native memory owned by this object; {@link #close()} frees them. Not thread-safe.
 */
public final class RollModel implements AutoCloseable {
    static final float POPULATION_RATE = 0.01f;
    private static final float BN_EPS = 1e-5f;
    private static final float GAMMA_INIT = 0.1f; // Magenta's initial batch-norm scale

    private final RollModelConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> params; // trained; insertion order = save order
    private final Map<String, NDArray> stats; // batch-norm population statistics, not trained

    private RollModel(RollModelConfig config, NDManager manager, Map<String, NDArray> params, Map<String, NDArray> stats) {
        this.config = config;
        this.manager = manager;
        this.params = params;
        this.stats = stats;
    }

    /** A freshly initialised model: convolutions ~ N(0, 2/fan-in) (He, as Magenta), BN scale 0.1, shift 0. */
    public static RollModel create(RollModelConfig config, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, ParamsIo.Tensor> values = new LinkedHashMap<>();
        for (Spec s : specs(config)) {
            float[] v = new float[Math.toIntExact(Arrays.stream(s.shape).reduce(1, (a, b) -> a * b))];
            switch (s.init) {
                case HE -> {
                    double std = Math.sqrt(2.0 / (s.shape[1] * s.shape[2] * s.shape[3]));
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (nextGaussian(rng) * std);
                    }
                }
                case GAMMA -> Arrays.fill(v, GAMMA_INIT);
                case ONES -> Arrays.fill(v, 1f);
                case ZEROS -> { }
            }
            values.put(s.name, new ParamsIo.Tensor(s.shape, v));
        }
        return fromValues(config, values);
    }

    /** Loads weights and statistics written by {@link #save}; names and shapes must match {@code config}. */
    public static RollModel load(RollModelConfig config, Path file) throws IOException {
        Map<String, ParamsIo.Tensor> tensors = ParamsIo.read(file);
        for (Spec s : specs(config)) {
            ParamsIo.Tensor t = tensors.get(s.name);
            if (t == null || !Arrays.equals(t.shape(), s.shape)) {
                throw new IOException("parameter " + s.name + (t == null ? " missing from " : " has shape "
                        + Arrays.toString(t.shape()) + " in ") + file + ", config needs " + Arrays.toString(s.shape));
            }
        }
        if (tensors.size() != specs(config).length) {
            throw new IOException(file + " holds " + tensors.size() + " tensors, config needs " + specs(config).length);
        }
        return fromValues(config, tensors);
    }

    private static RollModel fromValues(RollModelConfig config, Map<String, ParamsIo.Tensor> values) {
        NDManager manager = DjlRuntime.engine().newBaseManager();
        Map<String, NDArray> params = new LinkedHashMap<>();
        Map<String, NDArray> stats = new LinkedHashMap<>();
        for (Spec s : specs(config)) {
            NDArray a = manager.create(values.get(s.name).values(), new Shape(s.shape));
            if (s.trained()) {
                a.setRequiresGradient(true);
                params.put(s.name, a);
            } else {
                stats.put(s.name, a);
            }
        }
        return new RollModel(config, manager, params, stats);
    }

    /**
     * A copy in memory PyTorch allocated itself. DJL wraps a Java direct buffer in place (torch::from_blob); training
     * runs gave NaN gradients at random steps (never reproducibly), and arrays that own their memory rule out the
     * buffer's lifetime as a cause.
     */
    static NDArray ownedCopy(NDArray wrapped) {
        NDArray copy = wrapped.duplicate();
        wrapped.close();
        return copy;
    }

    /** Writes weights and population statistics (float32, with names and shapes). */
    public void save(Path file) throws IOException {
        Map<String, ParamsIo.Tensor> out = new LinkedHashMap<>();
        for (Spec s : specs(config)) {
            NDArray a = s.trained() ? params.get(s.name) : stats.get(s.name);
            out.put(s.name, new ParamsIo.Tensor(s.shape, a.toFloatArray()));
        }
        ParamsIo.write(file, out);
    }

    public RollModelConfig config() {
        return config;
    }

    public long parameterCount() {
        return params.values().stream().mapToLong(NDArray::size).sum();
    }

    /** Trained parameters by name (for the optimizer). */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** A sub-manager holding parameters and statistics for its lifetime: arrays derived inside it die with it. */
    public NDManager newScope() {
        NDManager scope = manager.newSubManager();
        params.values().forEach(p -> p.tempAttach(scope));
        stats.values().forEach(p -> p.tempAttach(scope));
        return scope;
    }

    /**
     * The network input {@code (B, 2V, T, C)}: channel {@code v} one-hot of voice {@code v}'s class where given
     * (all zeros where erased), channel {@code V+v} 1 where voice {@code v} is erased.
     *
     * @param classes {@code [b][v][t]} class per cell (ignored where erased)
     * @param erased {@code [b][v][t]}
     */
    public NDArray input(NDManager scope, int[][][] classes, boolean[][][] erased) {
        return input(scope, config, classes, erased);
    }

    static NDArray input(NDManager scope, RollModelConfig config, int[][][] classes, boolean[][][] erased) {
        int b = classes.length;
        int voices = config.voices();
        int steps = classes[0][0].length;
        int c = RollGrid.CLASS_COUNT;
        float[] x = new float[b * 2 * voices * steps * c];
        for (int i = 0; i < b; i++) {
            for (int v = 0; v < voices; v++) {
                for (int t = 0; t < steps; t++) {
                    if (erased[i][v][t]) {
                        int base = (((i * 2 * voices) + voices + v) * steps + t) * c;
                        Arrays.fill(x, base, base + c, 1f);
                    } else {
                        x[(((i * 2 * voices) + v) * steps + t) * c + classes[i][v][t]] = 1f;
                    }
                }
            }
        }
        return ownedCopy(scope.create(x, new Shape(b, 2L * voices, steps, c)));
    }

    /** Logits {@code (B, V, T, C)}; {@code training} uses batch statistics and updates the population ones. */
    public NDArray forward(NDArray input, boolean training) {
        return forward(input, training, POPULATION_RATE);
    }

    /**
     * Sets the population statistics to the average batch statistics over {@code inputs} (Magenta's moving average
     * starts at mean 0, variance 1 and at rate 0.01 still remembers that start after hundreds of steps, while
     * the true variances here are ~0.01: evaluation-mode predictions were far off until it faded).
     */
    public void recalibrate(List<RollBatch> batches) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("recalibration needs at least one batch");
        }
        for (Map.Entry<String, NDArray> e : stats.entrySet()) { // forget the old values, even non-finite ones
            e.getValue().set(new NDIndex(":"), e.getKey().endsWith(".var") ? 1f : 0f);
        }
        for (int k = 0; k < batches.size(); k++) {
            try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = newScope()) {
                RollBatch b = batches.get(k);
                forward(input(scope, b.classes(), b.erased()), true, 1f / (k + 1)); // cumulative average
            }
        }
        for (Map.Entry<String, NDArray> e : stats.entrySet()) {
            float[] values = e.getValue().toFloatArray();
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new IllegalStateException("recalibration over " + batches.size() + " batches left "
                            + e.getKey() + "[" + i + "] = " + values[i] + " (a non-finite activation)");
                }
            }
        }
    }

    private NDArray forward(NDArray input, boolean training, float populationRate) {
        NDArray h = input; // (B, 2V, T, C)
        NDArray saved = null;
        int last = config.layers() - 1;
        for (int i = 0; i <= last; i++) {
            int d = config.dilation(i);
            Shape pad = new Shape(d, d);
            NDArray y = h.getNDArrayInternal().convolution(h, params.get("conv" + i + ".w"),
                    i == last ? params.get("out.b") : null, new Shape(1, 1), pad, new Shape(d, d), 1).get(0);
            if (i == last) {
                return y; // (B, V, T, C)
            }
            if (i % 2 == 1) {
                saved = h; // input of an odd layer is added to the output of the next one
            }
            y = batchNorm(y, i, training, populationRate); // (B, F, T, C)
            if (i % 2 == 0 && i > 0 && saved != null) {
                y = y.add(saved);
            }
            h = y.getNDArrayInternal().relu();
        }
        throw new AssertionError("unreachable");
    }

    /**
     * PyTorch's fused batch norm over the channel axis; in training it normalises with batch statistics and
     * updates the population ones in place ({@code pop += rate · (batch − pop)}, PyTorch uses the unbiased batch
     * variance there, Magenta the biased one).
     */
    private NDArray batchNorm(NDArray y, int layer, boolean training, float populationRate) {
        String n = "bn" + layer;
        // DJL passes (1 − momentum) to PyTorch as its momentum, and axis −1 means PyTorch's channel axis 1
        return y.getNDArrayInternal().batchNorm(y, stats.get(n + ".mean"), stats.get(n + ".var"),
                params.get(n + ".gamma"), params.get(n + ".beta"), -1, 1 - populationRate, BN_EPS, training).get(0);
    }

    /**
     * Per example, the mean negative log-likelihood over its erased cells, averaged over the batch (Coconet's
     * loss with {@code rescale_loss}: the erased cells' sum scaled by {@code T·V / |erased|}, divided by
     * {@code T·V}). Given cells do not count.
     *
     * @param logits {@code (B, V, T, C)}
     * @param targets {@code (B, V, T)} int64 classes
     * @param erased {@code (B, V, T)} float 1 = erased
     */
    public static NDArray maskedLoss(NDArray logits, NDArray targets, NDArray erased) {
        NDArray nll = cellNll(logits, targets); // (B, V, T)
        NDArray perExample = nll.mul(erased).sum(new int[] {2}).sum(new int[] {1})
                .div(erased.sum(new int[] {2}).sum(new int[] {1}).maximum(1f)); // (B)
        return perExample.mean();
    }

    /** {@code -log p(target)} per cell: {@code (B, V, T)}. */
    public static NDArray cellNll(NDArray logits, NDArray targets) {
        NDArray logp = logits.logSoftmax(3); // (B, V, T, C)
        return logp.gather(targets.expandDims(3), 3).squeeze(3).neg();
    }

    /**
     * Log-probabilities in evaluation mode, {@code [b][v][t][c]} flattened in that order.
     */
    public float[] logProbabilities(int[][][] classes, boolean[][][] erased) {
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = newScope()) {
            NDArray logits = forward(input(scope, classes, erased), false);
            return logits.logSoftmax(3).toFloatArray();
        }
    }

    /** A snapshot of the network in evaluation mode with batch norm folded into the convolutions (for sampling). */
    FoldedRollNet folded() {
        List<NDArray> weights = new java.util.ArrayList<>();
        List<NDArray> biases = new java.util.ArrayList<>();
        NDManager own = manager.newSubManager();
        int last = config.layers() - 1;
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = newScope()) {
            for (int i = 0; i <= last; i++) {
                NDArray w = params.get("conv" + i + ".w");
                if (i == last) { // no batch norm after the last convolution: it has its own bias
                    weights.add(w.duplicate());
                    biases.add(params.get("out.b").duplicate());
                    continue;
                }
                String n = "bn" + i;
                NDArray scale = params.get(n + ".gamma").div(stats.get(n + ".var").add(BN_EPS).sqrt()); // (F)
                weights.add(w.mul(scale.reshape(-1, 1, 1, 1)));
                biases.add(params.get(n + ".beta").sub(stats.get(n + ".mean").mul(scale)));
            }
            return new FoldedRollNet(config, own, weights, biases); // moves the results out of the scope
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    // ---- parameter layout ----

    private enum Init { HE, GAMMA, ONES, ZEROS }

    private record Spec(String name, long[] shape, Init init, boolean trained) {}

    private static Spec[] specs(RollModelConfig c) {
        java.util.List<Spec> out = new java.util.ArrayList<>();
        int last = c.layers() - 1;
        for (int i = 0; i <= last; i++) {
            long in = i == 0 ? 2L * c.voices() : c.filters();
            long outCh = i == last ? c.voices() : c.filters();
            out.add(new Spec("conv" + i + ".w", new long[] {outCh, in, 3, 3}, Init.HE, true));
            if (i < last) {
                out.add(new Spec("bn" + i + ".gamma", new long[] {outCh}, Init.GAMMA, true));
                out.add(new Spec("bn" + i + ".beta", new long[] {outCh}, Init.ZEROS, true));
                out.add(new Spec("bn" + i + ".mean", new long[] {outCh}, Init.ZEROS, false));
                out.add(new Spec("bn" + i + ".var", new long[] {outCh}, Init.ONES, false));
            }
        }
        out.add(new Spec("out.b", new long[] {c.voices()}, Init.ZEROS, true));
        return out.toArray(new Spec[0]);
    }

    /** Standard normal from two uniforms (Box–Muller): SplittableRandom has no nextGaussian on Java 17. */
    private static double nextGaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
