package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout whose keep-masks are drawn in Java from a {@link SplittableRandom}: each element is kept with
 * probability {@code 1 - p} (32-bit uniform draws, so the drop rate is {@code p} within 2.4e-10) and scaled by
 * {@code 1 / (1 - p)}; one multiply applies the mask and autograd treats it as a constant.
 *
 * <p>Why not PyTorch's dropout: on CPU its {@code bernoulli_} draws one element at a time on one thread, about
 * 8 ns per element, which was 72 ms of a 0.82 s training step of the reference model (9 dropout sites of 1 M
 * elements; {@code benchmarks/run train}). A mask here costs about 1.5 ns per element. The masks depend only on the
 * seed given to {@link #startStep}, not on the thread count, which keeps resumed runs bit-exact.
 *
 * <p>Masks are written into direct buffers that PyTorch uses in place (DJL wraps a direct buffer without copying),
 * and the buffers are reused from step to step: fresh ones would allocate and zero 36 MB of direct memory per
 * reference-model step, which the JVM frees only at garbage collection. So a mask tensor must not outlive its
 * step: {@link #startStep} may overwrite it. Not thread-safe.
 */
final class DropoutMasks {
    private final double p;
    private final long dropBelow; // an unsigned 32-bit draw below this is dropped
    private final float keptScale;
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private SplittableRandom rng;
    private int used; // buffers handed out in this step

    /** Masks with drop probability {@code p}; call {@link #startStep} before the first. */
    DropoutMasks(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.dropBelow = Math.round(p * 0x1p32);
        this.keptScale = (float) (1.0 / (1.0 - p));
    }

    /** Masks drawn from {@code seed} for one step ({@link #startStep} already called). */
    static DropoutMasks forStep(double p, long seed) {
        DropoutMasks d = new DropoutMasks(p);
        d.startStep(seed);
        return d;
    }

    /** Restarts the draws from {@code seed} and recycles every buffer: the previous step's masks are dead. */
    void startStep(long seed) {
        rng = new SplittableRandom(seed);
        used = 0;
    }

    /** {@code x} with each element zeroed with probability p and the rest scaled by 1/(1-p); x itself unchanged. */
    NDArray apply(NDManager scope, NDArray x) {
        if (p == 0) {
            return x;
        }
        Shape shape = x.getShape();
        int n = Math.toIntExact(shape.size());
        ByteBuffer buffer = nextBuffer(n);
        fill(buffer.asFloatBuffer(), n);
        return x.mul(scope.create(buffer, shape, DataType.FLOAT32));
    }

    /** {@code n} mask values, each 0 or 1/(1-p), drawn as {@link #apply} would draw them. */
    float[] mask(int n) {
        FloatBuffer out = FloatBuffer.allocate(n);
        fill(out, n);
        return out.array();
    }

    private void fill(FloatBuffer m, int n) {
        if (rng == null) {
            throw new IllegalStateException("startStep was not called");
        }
        int i = 0;
        for (; i + 1 < n; i += 2) { // two elements per 64-bit draw
            long bits = rng.nextLong();
            m.put(i, (bits & 0xFFFFFFFFL) < dropBelow ? 0f : keptScale);
            m.put(i + 1, (bits >>> 32) < dropBelow ? 0f : keptScale);
        }
        if (i < n) {
            m.put(i, (rng.nextLong() & 0xFFFFFFFFL) < dropBelow ? 0f : keptScale);
        }
    }

    private ByteBuffer nextBuffer(int floats) {
        int bytes = Math.multiplyExact(floats, Float.BYTES);
        if (used == buffers.size()) {
            buffers.add(null);
        }
        ByteBuffer b = buffers.get(used);
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            buffers.set(used, b);
        }
        used++;
        return b.duplicate().order(ByteOrder.nativeOrder()).limit(bytes);
    }
}
