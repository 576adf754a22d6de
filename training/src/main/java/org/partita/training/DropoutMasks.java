package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/**
 * Inverted dropout whose keep-masks are drawn in Java from a {@link SplittableRandom}: each element is kept with
 * probability {@code 1 - p} (32-bit uniform draws, so the drop rate is {@code p} within 2.4e-10) and scaled by
 * {@code 1 / (1 - p)}; one multiply applies the mask and autograd treats it as a constant.
 *
 * <p>Why not PyTorch's dropout: on CPU its {@code bernoulli_} draws one element at a time on one thread, about
 * 8 ns per element, which was 72 ms of a 0.82 s training step of the reference model (9 dropout sites of 1 M
 * elements; {@code benchmarks/run train}). Here a mask costs about 1.5 ns per element. The masks depend only on the
 * seed this object starts from, not on the thread count, which keeps resumed runs bit-exact.
 *
 * <p>Not thread-safe: one instance per training step.
 */
final class DropoutMasks {
    private final double p;
    private final long dropBelow; // an unsigned 32-bit draw below this is dropped
    private final float keptScale;
    private final SplittableRandom rng;

    DropoutMasks(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.dropBelow = Math.round(p * 0x1p32);
        this.keptScale = (float) (1.0 / (1.0 - p));
        this.rng = new SplittableRandom(seed);
    }

    double probability() {
        return p;
    }

    /** {@code x} with each element zeroed with probability p and the rest scaled by 1/(1-p); x itself unchanged. */
    NDArray apply(NDManager scope, NDArray x) {
        if (p == 0) {
            return x;
        }
        Shape shape = x.getShape();
        return x.mul(scope.create(mask(Math.toIntExact(shape.size())), shape));
    }

    /** {@code n} mask values, each 0 or 1/(1-p); two elements per 64-bit draw. */
    float[] mask(int n) {
        float[] m = new float[n];
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long bits = rng.nextLong();
            m[i] = (bits & 0xFFFFFFFFL) < dropBelow ? 0f : keptScale;
            m[i + 1] = (bits >>> 32) < dropBelow ? 0f : keptScale;
        }
        if (i < n) {
            m[i] = (rng.nextLong() & 0xFFFFFFFFL) < dropBelow ? 0f : keptScale;
        }
        return m;
    }
}
