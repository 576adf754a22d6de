package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Linear layers of a decoding step computed by two threads: the caller multiplies by the first half of the weight
 * rows, a helper thread by the second half, and the halves are joined. For one or two samples a decoding step is
 * bound by reading the 13.7 MB of weights of the reference model from memory, one core reads about 8 GB/s here, and
 * two cores read about twice that (two threads each multiplying by 0.5 MB halves: 1.5–2.0× the throughput of one,
 * measured with a probe). PyTorch's own threading does not get this for a one-row product: a two-thread MKL product
 * of a 1 × 256 by 256 × 1024 matrix was only 1.1–1.3× faster than one thread.
 *
 * <p>The helper spins (with {@link Thread#onSpinWait()}) between jobs, since decoding posts 17 products per token
 * and parking would cost more than each half; after about a millisecond without work it parks. Both threads run
 * PyTorch with one intra-op thread. The weight halves are copies made when this object is created, so it must not
 * outlive a change of the parameters: {@link Generator} makes one per generation and closes it.
 */
final class SplitLinears implements AutoCloseable {
    private static final long SPIN_NANOS = 1_000_000;
    /** Smaller matrices (the reference model's 256 × 256 attention projection) stay in one piece. */
    private static final long MIN_SPLIT_ELEMENTS = 1 << 17;

    private final NDManager manager;
    private final Map<String, NDArray[]> halves = new HashMap<>(); // name -> {w1, b1, w2, b2}; b null for the head
    private final Thread helper;
    private final Object none = new Object();

    // The job slot: written by the caller, taken by the helper; the result slot: written by the helper.
    private volatile Job job;
    private volatile Object result = none;
    private volatile boolean closed;

    private record Job(NDArray x, NDArray w, NDArray b) {}

    /** Splits every linear ({@code NAME.w}, 2-D, with {@code NAME.b} if present) of {@code params}, and {@code head}. */
    SplitLinears(Map<String, NDArray> params, String headName, NDArray head) {
        this.manager = DjlRuntime.engine().newBaseManager();
        params.forEach((name, w) -> {
            if (name.endsWith(".w") && w.getShape().dimension() == 2 && w.size() >= MIN_SPLIT_ELEMENTS) {
                String base = name.substring(0, name.length() - 2);
                halves.put(base, split(w, params.get(base + ".b")));
            }
        });
        halves.computeIfAbsent(headName, k -> split(head, null)); // an untied head.w was split above already
        helper = new Thread(this::serve, "partita-decode-helper");
        helper.setDaemon(true);
        helper.start();
    }

    private NDArray[] split(NDArray w, NDArray b) {
        long rows = w.getShape().get(0);
        long[] at = {rows / 2};
        var ws = w.split(at, 0);
        NDArray w1 = ws.get(0).duplicate();
        NDArray w2 = ws.get(1).duplicate();
        NDArray b1 = null;
        NDArray b2 = null;
        if (b != null) {
            var bs = b.split(at, 0);
            b1 = bs.get(0).duplicate();
            b2 = bs.get(1).duplicate();
            b1.attach(manager);
            b2.attach(manager);
            bs.close();
        }
        w1.attach(manager);
        w2.attach(manager);
        ws.close();
        return new NDArray[] {w1, b1, w2, b2};
    }

    /** Whether {@code name} (a linear's base name, or the head's) was split. */
    boolean has(String name) {
        return halves.containsKey(name);
    }

    /** {@code x · wᵀ + b} for the linear {@code name}, as {@code (rows, out)}; arrays made here belong to x's manager. */
    NDArray linear(NDArray x, String name) {
        NDArray[] h = halves.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no split weights for " + name);
        }
        result = none;
        job = new Job(x, h[2], h[3]);
        LockSupport.unpark(helper);
        NDArray first = product(x, h[0], h[1]);
        Object r;
        while ((r = result) == none) {
            Thread.onSpinWait();
        }
        if (r instanceof Throwable t) {
            throw new IllegalStateException("decoding helper failed on " + name + ": " + t, t);
        }
        return first.concat((NDArray) r, 1);
    }

    private static NDArray product(NDArray x, NDArray w, NDArray b) {
        return x.getNDArrayInternal().linear(x, w, b).get(0);
    }

    private void serve() {
        JniUtils.setNumThreads(1); // this thread's OpenMP and MKL settings
        long idleSince = System.nanoTime();
        while (!closed) {
            Job j = job;
            if (j == null) {
                if (System.nanoTime() - idleSince > SPIN_NANOS) {
                    LockSupport.parkNanos(this, 1_000_000);
                } else {
                    Thread.onSpinWait();
                }
                continue;
            }
            job = null;
            Object r;
            try {
                r = product(j.x(), j.w(), j.b());
            } catch (Throwable t) { // handed to the caller, which would otherwise wait for ever
                r = t;
            }
            result = r;
            idleSince = System.nanoTime();
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
        try {
            helper.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        manager.close();
    }
}
