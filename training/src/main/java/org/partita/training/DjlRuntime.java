package org.partita.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that starts the PyTorch engine. Tunes glibc's malloc for PyTorch ({@link NativeMalloc}), forces
 * offline mode (a missing native library must fail at once, not trigger a download), switches NNPACK and oneDNN
 * off ({@link TorchBackends}) and sets the thread counts; {@link #noGrad()} scopes evaluation-mode passes.
 */
public final class DjlRuntime {
    /**
     * {@code -Dpartita.torch.mkldnn=true} leaves PyTorch's oneDNN convolutions on (off by default, see
     * {@link #engine(int)}); for reproducing the fault and for benchmarks only.
     */
    public static final String MKLDNN_PROPERTY = "partita.torch.mkldnn";
    private static boolean switchesSet;

    private DjlRuntime() {}

    /** The PyTorch engine with {@code threads} intra-op threads (0 = leave as configured). */
    public static synchronized Engine engine(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        NativeMalloc.tune(); // before PyTorch's first allocation; see NativeMalloc
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Engine engine = Engine.getEngine("PyTorch");
        if (!switchesSet) {
            switchesSet = true;
            // NNPACK cannot start on CPUs it does not know (AMD EPYC here) and says so on stderr at every
            // convolution that could use it ("Could not initialize NNPACK! Reason: Unsupported hardware"); PyTorch
            // falls back to other kernels anyway, so switch it off once and keep the console clean.
            TorchBackends.setNnpackEnabled(false);
            // oneDNN's convolutions in PyTorch 2.7.1 read memory they never wrote on this CPU (AMD EPYC, AVX-512):
            // the backward pass gave random NaN gradients, and the forward pass of a batch of 8 with 24 channels
            // gave NaN in 30 of 30 tries once freed buffers held NaN (the token model's -inf masks leave such
            // buffers). PyTorch's own convolution has neither fault (ConvolutionOnReusedMemoryTest,
            // docs/pianoroll-model.md "Known problems"). Partita's only convolutions are the piano-roll model's.
            if (!Boolean.getBoolean(MKLDNN_PROPERTY)) {
                TorchBackends.setMkldnnEnabled(false);
            }
        }
        if (threads > 0) {
            JniUtils.setNumThreads(threads); // takes effect even if the engine was started earlier
        }
        return engine;
    }

    /** PyTorch's current intra-op thread count. */
    static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** Changes PyTorch's intra-op thread count of a running engine (cheap; takes effect on the next operation). */
    static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        engine();
        JniUtils.setNumThreads(threads);
    }

    public static Engine engine() {
        return engine(0);
    }

    /**
     * Turns PyTorch's autograd off for the calling thread until {@link NoGrad#close()} restores it. Grad mode is
     * thread-local and on by default in PyTorch; DJL switches it off only in the thread that started the engine, so
     * an evaluation-mode forward pass in any other thread (the studio's workers, a notebook kernel's execution
     * thread) would record a graph of every operation on the trained parameters: more memory and time for nothing.
     */
    public static NoGrad noGrad() {
        engine();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return new NoGrad(previous, Thread.currentThread());
    }

    /** The scope of {@link #noGrad()}; closed by the thread that opened it. */
    public static final class NoGrad implements AutoCloseable {
        private final boolean previous;
        private final Thread owner;

        private NoGrad(boolean previous, Thread owner) {
            this.previous = previous;
            this.owner = owner;
        }

        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("noGrad() opened by " + owner.getName() + " closed by "
                        + Thread.currentThread().getName() + ": grad mode is per thread");
            }
            JniUtils.setGradMode(previous);
        }
    }

    static String pytorchVersion() {
        return engine().getVersion();
    }

    static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
