package org.partita.cli.studio;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generation jobs on a bounded pool: {@code workers} threads and a queue of {@code queueCapacity} waiting jobs.
 * A job beyond them is refused at once (503 with Retry-After); a job over its time budget is interrupted
 * (the sampler stops at the next token) and answered with 503. Thread-safe.
 */
final class GenerationPool implements AutoCloseable {

    /** Longest wait in {@link #close()} for the job under way. */
    static final int CLOSE_WAIT_SECONDS = 10;

    private final ThreadPoolExecutor executor;
    private final int queueCapacity;
    private final double budgetSeconds;
    private final AtomicLong lastJobMillis = new AtomicLong(2000);
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();

    GenerationPool(int workers, int queueCapacity, double budgetSeconds) {
        if (workers < 1 || queueCapacity < 1 || !(budgetSeconds > 0)) {
            throw new IllegalArgumentException("need workers >= 1, queue >= 1 and a budget > 0 s, got " + workers
                    + ", " + queueCapacity + ", " + budgetSeconds);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "studio-generation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.queueCapacity = queueCapacity;
        this.budgetSeconds = budgetSeconds;
    }

    /** Runs {@code job} on the pool and waits for it, within the time budget (counted from submission). */
    <T> T run(Callable<T> job) throws Exception {
        Future<T> future;
        try {
            future = executor.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    return job.call();
                } finally {
                    lastJobMillis.set((System.nanoTime() - t0) / 1_000_000);
                }
            });
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get((long) (budgetSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            timedOut.incrementAndGet();
            throw new ApiException(503, String.format("generation took longer than the time budget of %.0f s and "
                    + "was cancelled; ask for fewer bars or candidates", budgetSeconds), Map.of("retryAfterSeconds", 1));
        } catch (CancellationException e) {
            throw new ApiException(503, "generation was cancelled (the server is stopping)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private ApiException busy() {
        refused.incrementAndGet();
        long waitSeconds = Math.max(1, (lastJobMillis.get() * (executor.getQueue().size() + 1) + 999) / 1000
                / executor.getMaximumPoolSize());
        return new ApiException(503, "the server is busy: " + executor.getActiveCount() + " generation(s) running and "
                + executor.getQueue().size() + " waiting (queue of " + queueCapacity + "); retry in " + waitSeconds
                + " s", Map.of("retryAfterSeconds", waitSeconds));
    }

    /** Counts for {@code /api/health}. */
    Map<String, Object> stats() {
        return Map.of("workers", executor.getMaximumPoolSize(), "queueCapacity", queueCapacity,
                "running", executor.getActiveCount(), "waiting", executor.getQueue().size(),
                "completed", executor.getCompletedTaskCount(), "refused", refused.get(), "timedOut", timedOut.get(),
                "timeBudgetSeconds", budgetSeconds);
    }

    /**
     * Interrupts the job under way and waits up to {@value #CLOSE_WAIT_SECONDS} s for it to stop, so the models it
     * uses are not closed under it (a continuation stops at the next token, a harmonisation after its candidate).
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
