package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov & Hutter; same update as {@code torch.optim.AdamW}) with global-norm gradient clipping.
 * Written here rather than taken from DJL so that its whole state — both moments and the step count — can be
 * saved and restored exactly. Not thread-safe.
 */
public final class AdamW implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private int step;

    public AdamW(Map<String, NDArray> params, double beta1, double beta2, double epsilon, double weightDecay) {
        this.manager = DjlRuntime.engine().newBaseManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        params.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape()));
            v.put(name, manager.zeros(p.getShape()));
        });
    }

    int ownedArrayCount() {
        return manager.getManagedArrays().size();
    }

    int step() {
        return step;
    }

    /**
     * One update from the gradients accumulated in {@code params}, which are then zeroed. Every temporary lives in
     * {@code scope}. Returns the global gradient norm before clipping; when it is not finite nothing is updated
     * (the step is skipped) and the gradients are zeroed. Runs with autograd off in the calling thread, as
     * {@code torch.optim} does: the in-place updates of trained leaves are refused while PyTorch records, and grad
     * mode is on by default in every thread but the one that started the engine (a training started from another
     * thread failed with "a leaf Variable that requires grad is being used in an in-place operation").
     */
    public double update(Map<String, NDArray> params, double learningRate, double clipNorm, NDManager scope) {
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad()) {
            return updateWithoutGrad(params, learningRate, clipNorm, scope);
        }
    }

    private double updateWithoutGrad(Map<String, NDArray> params, double learningRate, double clipNorm,
                                     NDManager scope) {
        step++;
        for (String name : params.keySet()) {
            m.get(name).tempAttach(scope);
            v.get(name).tempAttach(scope);
        }
        Map<String, NDArray> grads = new LinkedHashMap<>();
        NDList squares = new NDList();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = e.getValue().getGradient();
            grads.put(e.getKey(), g);
            squares.add(g.square().sum());
        }
        double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
        if (!Double.isFinite(norm)) {
            // A non-finite gradient would poison every moment and weight: skip the step (the caller sees the
            // returned norm) and restart accumulation from zero. Subtraction would keep NaN, and NDArray.set would
            // make the gradient's storage a Java buffer owned by this short-lived wrapper, so zero it natively.
            step--;
            for (NDArray p : params.values()) {
                ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p);
            }
            return norm;
        }
        double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6) : 1.0;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String name = e.getKey();
            NDArray p = e.getValue();
            NDArray g = grads.get(name);
            NDArray gs = scale == 1.0 ? g : g.mul(scale);
            NDArray mi = m.get(name).muli(beta1).addi(gs.mul(1 - beta1));
            NDArray vi = v.get(name).muli(beta2).addi(gs.square().muli(1 - beta2));
            if (weightDecay > 0 && TransformerModel.decays(name)) {
                p.muli(1 - learningRate * weightDecay);
            }
            NDArray denom = vi.sqrt().divi(Math.sqrt(bc2)).addi(epsilon);
            p.subi(mi.div(denom).muli(learningRate / bc1));
            g.subi(g); // PyTorch accumulates gradients: start the next step from zero
        }
        return norm;
    }

    public void save(Path file) throws IOException {
        Map<String, ParamsIo.Tensor> out = new LinkedHashMap<>();
        m.forEach((name, a) -> out.put("m." + name, new ParamsIo.Tensor(a.getShape().getShape(), a.toFloatArray())));
        v.forEach((name, a) -> out.put("v." + name, new ParamsIo.Tensor(a.getShape().getShape(), a.toFloatArray())));
        ParamsIo.write(file, out);
    }

    /** Restores moments saved by {@link #save} and the step count (kept in {@code config.json}). */
    public void load(Path file, int savedStep) throws IOException {
        Map<String, ParamsIo.Tensor> in = ParamsIo.read(file);
        for (String name : m.keySet()) {
            m.put(name, restore(in, "m." + name, m.get(name), file));
            v.put(name, restore(in, "v." + name, v.get(name), file));
        }
        if (in.size() != 2 * m.size()) {
            throw new IOException(file + " holds " + in.size() + " moments, model needs " + 2 * m.size());
        }
        this.step = savedStep;
    }

    /**
     * A new array holding the saved values of {@code key}, replacing (and closing) {@code old}. A new array
     * rather than {@code old.set(values)}: DJL's in-place set goes through PyTorch's deprecated
     * AutoNonVariableTypeMode, which printed a warning on every {@code --resume}.
     */
    private NDArray restore(Map<String, ParamsIo.Tensor> in, String key, NDArray old, Path file)
            throws IOException {
        ParamsIo.Tensor t = in.get(key);
        if (t == null || t.values().length != old.size()) {
            throw new IOException("optimizer state " + key + " missing or of wrong size in " + file);
        }
        NDArray restored = manager.create(t.values(), old.getShape());
        old.close();
        return restored;
    }

    @Override
    public void close() {
        manager.close();
    }
}
