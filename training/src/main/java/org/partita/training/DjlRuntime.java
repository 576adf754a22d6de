package org.partita.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that starts the PyTorch engine. Forces offline mode (a missing native library must fail
 * at once, not trigger a download) and sets the thread counts.
 */
public final class DjlRuntime {
    private DjlRuntime() {}

    /** The PyTorch engine with {@code threads} intra-op threads (0 = leave as configured). */
    public static synchronized Engine engine(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Engine engine = Engine.getEngine("PyTorch");
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

    static String pytorchVersion() {
        return engine().getVersion();
    }

    static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
