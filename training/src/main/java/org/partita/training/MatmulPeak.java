package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Measures the engine's fp32 matrix-multiply throughput, the denominator of model-FLOPs utilisation. */
public final class MatmulPeak {
    private MatmulPeak() {}

    /** Best GFLOP/s over {@code repeats} products of two {@code n × n} matrices, after one warm-up product. */
    public static double gflops(int n, int repeats, int threads) {
        if (n < 1 || repeats < 1) {
            throw new IllegalArgumentException("n and repeats must be >= 1, got n " + n + ", repeats " + repeats);
        }
        try (NDManager m = DjlRuntime.engine(threads).newBaseManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).close();
            double best = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // forces completion
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, 2.0 * n * n * n / seconds / 1e9);
            }
            return best;
        }
    }
}
