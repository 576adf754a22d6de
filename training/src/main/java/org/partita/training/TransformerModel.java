package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A decoder-only transformer (GPT-2 layout): token embedding (+ learned positions), {@code layers} pre-LayerNorm
 * blocks of causal multi-head self-attention and a GELU MLP, a final LayerNorm and a tied or untied output head.
 * With rotary encoding, positions enter by rotating queries and keys instead.
 *
 * <p>Parameters live in native memory owned by this object; {@link #close()} frees them. Every computation
 * opens a sub-manager ({@link #newScope()}) that temporarily holds the parameters, so each intermediate array
 * is freed when the scope closes. Not thread-safe: use one model from one thread at a time.
 *
 * <p>Notation in shape comments: B batch, T new tokens, S attended tokens (cache + new), C width, H heads,
 * D head width, V vocabulary.
 */
public final class TransformerModel implements AutoCloseable {
    private static final float LN_EPS = 1e-5f;

    private final TransformerConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> params; // insertion order = save order
    private final NDArray queryScale; // () 1/sqrt(D), made once: mul(Number) would allocate a scalar per call
    private SplitLinears split; // non-null only inside a decoding step that computes linears on two threads

    private TransformerModel(TransformerConfig config, NDManager manager, Map<String, NDArray> params) {
        this.config = config;
        this.manager = manager;
        this.params = params;
        this.queryScale = manager.create((float) (1.0 / Math.sqrt(config.headWidth())));
    }

    /** A freshly initialised model: weights ~ N(0, 0.02), residual projections scaled by 1/sqrt(2·layers). */
    public static TransformerModel create(TransformerConfig config, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        double residualStd = 0.02 / Math.sqrt(2.0 * config.layers());
        for (ParamSpec spec : specs(config)) {
            float[] v = new float[Math.toIntExact(size(spec.shape))];
            switch (spec.init) {
                case ONES -> java.util.Arrays.fill(v, 1f);
                case ZEROS -> { }
                case NORMAL -> fillNormal(v, rng, 0.02);
                case RESIDUAL -> fillNormal(v, rng, residualStd);
            }
            values.put(spec.name, v);
        }
        return fromValues(config, values);
    }

    /** Loads parameters saved by {@link #save(Path)}; names and shapes must match {@code config}. */
    public static TransformerModel load(TransformerConfig config, Path paramsFile) throws IOException {
        Map<String, ParamsIo.Tensor> tensors = ParamsIo.read(paramsFile);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs(config)) {
            ParamsIo.Tensor t = tensors.get(spec.name);
            if (t == null) {
                throw new IOException("parameter " + spec.name + " missing from " + paramsFile);
            }
            if (!java.util.Arrays.equals(t.shape(), spec.shape)) {
                throw new IOException("parameter " + spec.name + " has shape " + java.util.Arrays.toString(t.shape())
                        + " in " + paramsFile + ", config needs " + java.util.Arrays.toString(spec.shape));
            }
            values.put(spec.name, t.values());
        }
        if (tensors.size() != values.size()) {
            throw new IOException(paramsFile + " holds " + tensors.size() + " parameters, config needs " + values.size());
        }
        return fromValues(config, values);
    }

    private static TransformerModel fromValues(TransformerConfig config, Map<String, float[]> values) {
        NDManager manager = DjlRuntime.engine().newBaseManager();
        Map<String, NDArray> params = new LinkedHashMap<>();
        for (ParamSpec spec : specs(config)) {
            NDArray a = manager.create(values.get(spec.name), new Shape(spec.shape));
            a.setRequiresGradient(true);
            params.put(spec.name, a);
        }
        return new TransformerModel(config, manager, params);
    }

    /** Writes all parameters (float32, little-endian, with names and shapes) to {@code file}. */
    public void save(Path file) throws IOException {
        Map<String, ParamsIo.Tensor> out = new LinkedHashMap<>();
        params.forEach((name, a) -> out.put(name, new ParamsIo.Tensor(a.getShape().getShape(), a.toFloatArray())));
        ParamsIo.write(file, out);
    }

    public TransformerConfig config() {
        return config;
    }

    public long parameterCount() {
        long n = 0;
        for (NDArray a : params.values()) {
            n += a.size();
        }
        return n;
    }

    /** Logits of every position for one sequence, in evaluation mode: {@code [T][V]}. */
    public float[][] logits(int[] ids) {
        checkIds(ids);
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = newScope()) {
            Output out = forward(scope, toBatch(scope, new int[][] {ids}), 0, null, null, false, false);
            return rows(out.logits().toFloatArray(), ids.length, config.vocabSize());
        }
    }

    /**
     * Post-softmax attention weights of one sequence in evaluation mode: {@code [layer][head][query][key]}.
     * Row {@code q} is a distribution over keys {@code 0..q}; entries above the diagonal are 0.
     */
    public float[][][][] attention(int[] ids) {
        checkIds(ids);
        int t = ids.length;
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = newScope()) {
            Output out = forward(scope, toBatch(scope, new int[][] {ids}), 0, null, null, true, false);
            float[][][][] result = new float[config.layers()][config.heads()][][];
            for (int l = 0; l < config.layers(); l++) {
                float[] flat = out.attention().get(l).toFloatArray(); // (1, 1, H, T, T)
                for (int h = 0; h < config.heads(); h++) {
                    result[l][h] = new float[t][t];
                    for (int q = 0; q < t; q++) {
                        System.arraycopy(flat, (h * t + q) * t, result[l][h][q], 0, t);
                    }
                }
            }
            return result;
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    // ---- package-private machinery used by Trainer, Generator and tests ----

    /** A sub-manager holding the parameters for its lifetime: every array derived inside it is freed on close. */
    NDManager newScope() {
        NDManager scope = manager.newSubManager();
        for (NDArray p : params.values()) {
            p.tempAttach(scope);
        }
        return scope;
    }

    private static final String HEAD = "head";

    /** Two-thread linears over copies of the current weights (see {@link SplitLinears}); the caller closes it. */
    SplitLinears newSplitLinears() {
        return new SplitLinears(params, HEAD, config.tiedHead() ? p("wte") : p("head.w"));
    }

    /** Computes linears with {@code s} until called again with null. */
    void useSplitLinears(SplitLinears s) {
        this.split = s;
    }

    /** Arrays owned by the model's manager other than its one constant: the parameters only, unless something leaked. */
    int ownedArrayCount() {
        return manager.getManagedArrays().size() - 1;
    }

    Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** Whether AdamW should decay this parameter: matrices yes, biases and LayerNorm gains no. */
    static boolean decays(String name) {
        return name.endsWith(".w") || name.equals("wte") || name.equals("wpe");
    }

    NDArray toBatch(NDManager scope, int[][] ids) {
        int b = ids.length;
        int t = ids[0].length;
        long[] flat = new long[b * t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                flat[i * t + j] = ids[i][j];
            }
        }
        return scope.create(flat, new Shape(b, t));
    }

    /** Logits and, if asked, per-layer attention weights {@code (1, B, H, T, S)}. */
    record Output(NDArray logits, List<NDArray> attention) {}

    /**
     * Runs the model on {@code idx} {@code (B, T)} int64 whose first token sits at absolute position {@code pos0}.
     * With a cache, keys and values of earlier positions are read from it and the new ones appended (the caller
     * then advances the cache).
     * {@code dropout} null means evaluation mode. {@code lastOnly} computes logits for the last position only
     * (generation).
     */
    Output forward(NDManager scope, NDArray idx, int pos0, KvCache cache, DropoutMasks dropout, boolean keepAttention,
                   boolean lastOnly) {
        long b = idx.getShape().get(0);
        int t = (int) idx.getShape().get(1);
        if (pos0 + t > config.contextLength()) {
            throw new IllegalArgumentException("positions " + pos0 + ".." + (pos0 + t - 1)
                    + " exceed contextLength " + config.contextLength());
        }
        NDArrayEx ex = idx.getNDArrayInternal();
        NDArray x = ex.embedding(idx, p("wte"), SparseFormat.DENSE).get(0); // (B, T, C)
        if (config.positionalEncoding() == PositionalEncoding.LEARNED) {
            NDArray pos = p("wpe").get(new NDIndex().addSliceDim(pos0, pos0 + t)); // (T, C)
            x = x.add(pos);
        }
        // The residual stream is kept as (B·T, C): on a 2-D input PyTorch's linear is one addmm with the bias fused,
        // on a 3-D one a matmul (four operations) plus a separate bias add; that is ~60 operations fewer per decoded
        // token.
        x = dropout(scope, x, dropout).reshape(b * t, config.width()); // (B·T, C)
        Rotary rotary = config.positionalEncoding() == PositionalEncoding.ROTARY
                ? Rotary.of(scope, pos0, t, config.headWidth()) : null;
        List<NDArray> attention = keepAttention ? new ArrayList<>() : null;
        int attended = (cache == null ? 0 : cache.length()) + t; // S
        // Two query halves when nothing asks for the whole (T, S) weights (see attendInHalves); masks shared by layers.
        boolean halves = cache == null && !keepAttention && t >= MIN_HALVED_LENGTH;
        NDArray mask = halves ? null : t > 1 ? causalMask(scope, t, attended) : null; // (T, S)
        HalfMasks halfMasks = halves ? HalfMasks.of(scope, t) : null;
        for (int l = 0; l < config.layers(); l++) {
            String h = "h." + l + ".";
            NDArray a = attend(scope, layerNorm(x, h + "ln1"), h, l, b, t, cache, rotary, mask, halfMasks, dropout,
                    attention);
            x = x.add(a); // (B·T, C)
            NDArray m = linear(layerNorm(x, h + "ln2"), h + "mlp.fc"); // (B·T, 4C)
            m = linear(m.getNDArrayInternal().gelu(), h + "mlp.proj"); // (B·T, C)
            x = x.add(dropout(scope, m, dropout));
        }
        int rows = t;
        if (lastOnly && t > 1) {
            x = x.reshape(b, t, config.width()).get(new NDIndex().addAllDim().addIndices(t - 1)); // (B, C)
            rows = 1;
        }
        x = layerNorm(x, "lnf");
        NDArray head = config.tiedHead() ? p("wte") : p("head.w"); // (V, C)
        NDArray logits = split != null ? split.linear(x, HEAD)
                : x.getNDArrayInternal().linear(x, head, null).get(0); // (B·rows, V)
        return new Output(logits.reshape(b, rows, config.vocabSize()), attention); // (B, rows, V)
    }

    /** Causal multi-head self-attention of the normalised input {@code xn} {@code (B·T, C)}; returns {@code (B·T, C)}. */
    private NDArray attend(NDManager scope, NDArray xn, String h, int layer, long b, int t, KvCache cache,
                           Rotary rotary, NDArray mask, HalfMasks halfMasks, DropoutMasks dropout,
                           List<NDArray> attention) {
        int heads = config.heads();
        int d = config.headWidth();
        // One reshape and one transpose for q, k and v together: while decoding, op count, not FLOPs, sets the speed.
        NDList qkv = linear(xn, h + "attn.qkv") // (B·T, 3C)
                .reshape(b, t, 3, heads, d).transpose(2, 0, 3, 1, 4) // (3, B, H, T, D)
                .split(3, 0); // 3 × (1, B, H, T, D); the leading 1 is kept rather than squeezed (3 ops fewer)
        // Scaling q by 1/sqrt(D) costs T·D multiplies instead of T·S on the scores.
        NDArray q = qkv.get(0).mul(queryScale); // (1, B, H, T, D)
        NDArray k = qkv.get(1); // (1, B, H, T, D)
        NDArray v = qkv.get(2); // (1, B, H, T, D)
        if (rotary != null) {
            q = rotary.apply(q);
            k = rotary.apply(k);
        }
        if (cache != null) {
            k = cache.appendKeys(scope, layer, k); // (1, B, H, S, D)
            v = cache.appendValues(scope, layer, v); // (1, B, H, S, D)
        }
        // No dropout on the attention weights: on CPU it costs B·H·T·S Bernoulli draws per layer (measured: +50% step
        // time at T=512), more than the rest of the step's dropout together. Embeddings and residual branches keep it.
        NDArray y = halfMasks != null ? attendInHalves(q, k, v, t, halfMasks) : attendAll(q, k, v, mask, attention);
        y = y.transpose(1, 3, 0, 2, 4).reshape(b * t, config.width()); // (B·T, C)
        return dropout(scope, linear(y, h + "attn.proj"), dropout); // (B·T, C)
    }

    /** Softmax(q·kᵀ + mask)·v over all {@code S} keys {@code (1, B, H, T, D)}; keeps the weights if asked. */
    private static NDArray attendAll(NDArray q, NDArray k, NDArray v, NDArray mask, List<NDArray> attention) {
        NDArray att = q.matMul(k.transpose(0, 1, 2, 4, 3)); // (1, B, H, T, S)
        if (mask != null) {
            att.addi(mask); // query i sees keys 0 .. S-T+i; in place: matmul's backward does not need its output
        }
        att = att.softmax(4); // (1, B, H, T, S)
        if (attention != null) {
            attention.add(att);
        }
        return att.matMul(v); // (1, B, H, T, D)
    }

    /**
     * The same result as {@link #attendAll} without a cache, computed for two halves of the queries: the first
     * {@code T/2} queries can only see the first {@code T/2} keys, so their score block is {@code T/2 × T/2} instead
     * of {@code T/2 × T}. That skips a quarter of the attention products and softmax work, which is why training uses
     * it (measured on the reference model, {@code benchmarks/run train}: bmm time per step 182 → see docs/training.md).
     */
    private static NDArray attendInHalves(NDArray q, NDArray k, NDArray v, int t, HalfMasks masks) {
        long[] at = {masks.split()};
        NDList qs = q.split(at, 3); // (1, B, H, T/2, D) and (1, B, H, T - T/2, D)
        NDArray first = attendAll(qs.get(0), k.split(at, 3).get(0), v.split(at, 3).get(0), masks.first(), null);
        NDArray second = attendAll(qs.get(1), k, v, masks.second(), null);
        return first.concat(second, 3); // (1, B, H, T, D)
    }

    /** Below this many positions one block of scores is cheaper than two blocks plus the concatenation. */
    private static final int MIN_HALVED_LENGTH = 64;

    /** Causal masks of the query halves: {@code (T/2, T/2)} and {@code (T - T/2, T)}. */
    private record HalfMasks(int split, NDArray first, NDArray second) {
        static HalfMasks of(NDManager scope, int t) {
            int half = t / 2;
            return new HalfMasks(half, causalMask(scope, half, half), causalMask(scope, t - half, t));
        }
    }

    /** Additive mask {@code (T, S)}: 0 where query {@code i} (at key index {@code s-t+i}) may look, -inf above. */
    private static NDArray causalMask(NDManager scope, int t, int s) {
        float[] m = new float[t * s];
        int offset = s - t;
        for (int i = 0; i < t; i++) {
            for (int j = offset + i + 1; j < s; j++) {
                m[i * s + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return scope.create(m, new Shape(t, s));
    }

    private NDArray linear(NDArray x, String name) {
        if (split != null && split.has(name)) {
            return split.linear(x, name);
        }
        return x.getNDArrayInternal().linear(x, p(name + ".w"), p(name + ".b")).get(0);
    }

    private NDArray layerNorm(NDArray x, String name) {
        // Normalise over the channel axis only (not T and C together).
        return x.getNDArrayInternal()
                .layerNorm(x, new Shape(config.width()), p(name + ".g"), p(name + ".b"), LN_EPS).get(0);
    }

    private static NDArray dropout(NDManager scope, NDArray x, DropoutMasks dropout) {
        return dropout == null ? x : dropout.apply(scope, x);
    }

    private NDArray p(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new IllegalStateException("no parameter " + name);
        }
        return a;
    }

    private void checkIds(int[] ids) {
        if (ids.length == 0 || ids.length > config.contextLength()) {
            throw new IllegalArgumentException("sequence length must be in 1.." + config.contextLength()
                    + ", got " + ids.length);
        }
        for (int id : ids) {
            if (id < 0 || id >= config.vocabSize()) {
                throw new IllegalArgumentException("token id must be in 0.." + (config.vocabSize() - 1) + ", got " + id);
            }
        }
    }

    static float[][] rows(float[] flat, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    // ---- parameter layout ----

    private enum Init { NORMAL, RESIDUAL, ZEROS, ONES }

    private record ParamSpec(String name, long[] shape, Init init) {}

    private static List<ParamSpec> specs(TransformerConfig c) {
        long v = c.vocabSize();
        long w = c.width();
        List<ParamSpec> s = new ArrayList<>();
        s.add(new ParamSpec("wte", new long[] {v, w}, Init.NORMAL));
        if (c.positionalEncoding() == PositionalEncoding.LEARNED) {
            s.add(new ParamSpec("wpe", new long[] {c.contextLength(), w}, Init.NORMAL));
        }
        for (int l = 0; l < c.layers(); l++) {
            String h = "h." + l + ".";
            s.add(new ParamSpec(h + "ln1.g", new long[] {w}, Init.ONES));
            s.add(new ParamSpec(h + "ln1.b", new long[] {w}, Init.ZEROS));
            s.add(new ParamSpec(h + "attn.qkv.w", new long[] {3 * w, w}, Init.NORMAL));
            s.add(new ParamSpec(h + "attn.qkv.b", new long[] {3 * w}, Init.ZEROS));
            s.add(new ParamSpec(h + "attn.proj.w", new long[] {w, w}, Init.RESIDUAL));
            s.add(new ParamSpec(h + "attn.proj.b", new long[] {w}, Init.ZEROS));
            s.add(new ParamSpec(h + "ln2.g", new long[] {w}, Init.ONES));
            s.add(new ParamSpec(h + "ln2.b", new long[] {w}, Init.ZEROS));
            s.add(new ParamSpec(h + "mlp.fc.w", new long[] {4 * w, w}, Init.NORMAL));
            s.add(new ParamSpec(h + "mlp.fc.b", new long[] {4 * w}, Init.ZEROS));
            s.add(new ParamSpec(h + "mlp.proj.w", new long[] {w, 4 * w}, Init.RESIDUAL));
            s.add(new ParamSpec(h + "mlp.proj.b", new long[] {w}, Init.ZEROS));
        }
        s.add(new ParamSpec("lnf.g", new long[] {w}, Init.ONES));
        s.add(new ParamSpec("lnf.b", new long[] {w}, Init.ZEROS));
        if (!c.tiedHead()) {
            s.add(new ParamSpec("head.w", new long[] {v, w}, Init.NORMAL));
        }
        return s;
    }

    private static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static void fillNormal(float[] v, SplittableRandom rng, double std) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
    }

    /** Rotary tables for positions {@code pos0 .. pos0+t-1}, "rotate half" layout. */
    private record Rotary(NDArray cos, NDArray sin) {
        static Rotary of(NDManager scope, int pos0, int t, int d) {
            int half = d / 2;
            float[] cos = new float[t * half];
            float[] sin = new float[t * half];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < half; j++) {
                    double angle = (pos0 + i) * Math.pow(10000.0, -2.0 * j / d);
                    cos[i * half + j] = (float) Math.cos(angle);
                    sin[i * half + j] = (float) Math.sin(angle);
                }
            }
            return new Rotary(scope.create(cos, new Shape(t, half)), scope.create(sin, new Shape(t, half)));
        }

        NDArray apply(NDArray x) { // (1, B, H, T, D)
            NDList halves = x.split(2, 4); // 2 × (1, B, H, T, D/2)
            NDArray x1 = halves.get(0);
            NDArray x2 = halves.get(1);
            NDArray r1 = x1.mul(cos).sub(x2.mul(sin));
            NDArray r2 = x1.mul(sin).add(x2.mul(cos));
            return r1.concat(r2, 4); // (1, B, H, T, D)
        }
    }
}
