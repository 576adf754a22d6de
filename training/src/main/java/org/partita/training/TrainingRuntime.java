package org.partita.training;

/**
 * Process-wide settings of the deep-learning engine (DJL 0.36 with PyTorch 2.7.1, CPU, offline). The engine
 * starts on first use with the thread count set here, or the available processors.
 */
public final class TrainingRuntime {
    private TrainingRuntime() {}

    /** Sets PyTorch's intra-op threads ({@code 0} = available processors); one inter-op thread. */
    public static void setThreads(int threads) {
        DjlRuntime.engine(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    public static String pytorchVersion() {
        return DjlRuntime.pytorchVersion();
    }

    public static String djlVersion() {
        return DjlRuntime.djlVersion();
    }
}
