package org.partita.training;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples continuations from a {@link TransformerModel}: unconditional (from BOS) or after a prompt; temperature,
 * top-k, top-p, a {@link LogitsMask} applied before sampling, N samples as one batch, seeded.
 *
 * <p>Beyond the context length the model sees a sliding window that, when full, restarts from the newest
 * {@code contextLength/2} tokens. With and without the KV cache the window rule is the same, so both produce the
 * same tokens (logits agree to ~1e-6). Not thread-safe; the model must not be used elsewhere meanwhile.
 */
public final class Generator {
    private final TransformerModel model;
    private final int bosId;
    private final int eosId;

    /** {@code eosId} < 0 means the vocabulary has no end token. */
    public Generator(TransformerModel model, int bosId, int eosId) {
        this.model = model;
        this.bosId = bosId;
        this.eosId = eosId;
    }

    /**
     * Generates {@code config.samples()} continuations of {@code prompt} (an empty prompt means {@code [BOS]}).
     * Each result holds only the new ids, ending with EOS if {@code stopAtEos} stopped it.
     */
    public List<int[]> generate(int[] prompt, GenerationConfig config, LogitsMask mask) {
        return generate(prompt, config, mask, null, StepListener.NONE);
    }

    /** Told after each sampling step, on the generating thread (for progress displays). */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = (steps, maxSteps, activeSamples) -> { };

        /** {@code steps} of at most {@code maxSteps} are done; {@code activeSamples} have not ended yet. */
        void stepDone(int steps, int maxSteps, int activeSamples);
    }

    /** As {@link #generate(int[], GenerationConfig, LogitsMask)}, telling {@code listener} after each step. */
    public List<int[]> generate(int[] prompt, GenerationConfig config, LogitsMask mask, StepListener listener) {
        return generate(prompt, config, mask, null, listener);
    }

    List<int[]> generate(int[] prompt, GenerationConfig config, LogitsMask mask, List<float[][]> trace) {
        return generate(prompt, config, mask, trace, StepListener.NONE);
    }

    /** As {@link #generate(int[], GenerationConfig, LogitsMask)}; if {@code trace} is given, adds each step's logits {@code [B][V]}. */
    private List<int[]> generate(int[] prompt, GenerationConfig config, LogitsMask mask, List<float[][]> trace,
                                 StepListener listener) {
        int[] start = prompt.length == 0 ? new int[] {bosId} : prompt.clone();
        for (int id : start) {
            if (id < 0 || id >= model.config().vocabSize()) {
                throw new IllegalArgumentException("prompt id must be in 0.." + (model.config().vocabSize() - 1) + ", got " + id);
            }
        }
        LogitsMask m = mask == null ? LogitsMask.NONE : mask;
        int b = config.samples();
        int total = start.length + config.maxNewTokens();
        int[][] seqs = new int[b][total];
        for (int[] s : seqs) {
            System.arraycopy(start, 0, s, 0, start.length);
        }
        SplittableRandom[] rngs = new SplittableRandom[b];
        int[] generated = new int[b];
        boolean[] done = new boolean[b];
        for (int i = 0; i < b; i++) {
            rngs[i] = new SplittableRandom(Seeds.mix(config.seed(), i));
        }
        try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad();
             Session session = config.kvCache() ? new Cached() : new Recompute()) {
            int len = start.length;
            int windowStart = Math.max(0, len - model.config().contextLength());
            float[][] logits = session.logits(seqs, windowStart, len, true);
            for (int n = 0; n < config.maxNewTokens(); n++) {
                if (trace != null) {
                    trace.add(logits);
                }
                int active = 0;
                for (int i = 0; i < b; i++) {
                    int next;
                    if (done[i]) {
                        next = seqs[i][len - 1]; // keeps the batch aligned; not part of the result
                    } else {
                        next = Sampler.sample(logits[i], m.allowedNext(Arrays.copyOf(seqs[i], len)), config, rngs[i]);
                        generated[i]++;
                        done[i] = config.stopAtEos() && next == eosId;
                    }
                    seqs[i][len] = next;
                    active += done[i] ? 0 : 1;
                }
                len++;
                listener.stepDone(n + 1, config.maxNewTokens(), active);
                if (active == 0 || n == config.maxNewTokens() - 1) {
                    break;
                }
                boolean restart = len - windowStart > model.config().contextLength();
                if (restart) {
                    windowStart = len - Math.max(1, model.config().contextLength() / 2);
                }
                logits = session.logits(seqs, windowStart, len, restart);
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            out.add(Arrays.copyOfRange(seqs[i], start.length, start.length + generated[i]));
        }
        return out;
    }

    /** Produces next-token logits {@code [B][V]} for the window {@code seqs[*][windowStart..len)}. */
    private interface Session extends AutoCloseable {
        float[][] logits(int[][] seqs, int windowStart, int len, boolean restart);

        @Override
        void close();
    }

    private static int[][] slice(int[][] seqs, int from, int to) {
        int[][] out = new int[seqs.length][];
        for (int i = 0; i < seqs.length; i++) {
            out[i] = Arrays.copyOfRange(seqs[i], from, to);
        }
        return out;
    }

    private float[][] run(int[][] ids, int pos0, KvCache cache, SplitLinears split) {
        model.useSplitLinears(split);
        try (NDManager scope = model.newScope()) {
            var out = model.forward(scope, model.toBatch(scope, ids), pos0, cache, null, false, true);
            if (cache != null) {
                cache.advance(ids[0].length);
            }
            return TransformerModel.rows(out.logits().toFloatArray(), ids.length, model.config().vocabSize());
        } finally {
            model.useSplitLinears(null);
        }
    }

    /** Runs the whole window every step. */
    private final class Recompute implements Session {
        @Override
        public float[][] logits(int[][] seqs, int windowStart, int len, boolean restart) {
            return run(slice(seqs, windowStart, len), 0, null, null);
        }

        @Override
        public void close() {}
    }

    /**
     * Runs only the new token, reading earlier keys and values from the cache; refills it on a window restart.
     *
     * <p>A step of one or two samples is a chain of ~100 tiny operations whose cost is dispatch and memory traffic,
     * not arithmetic; splitting each over two threads made it slower (250 vs 392 tokens/s for one sample,
     * {@code benchmarks/run generate}), so such steps run on one PyTorch thread. When more threads are configured,
     * their linears, which read the weights, are instead split over two threads by {@link SplitLinears}. Fills and
     * larger batches keep the configured count, which is restored when the session closes.
     */
    private final class Cached implements Session {
        private final KvCache cache = new KvCache(model.config().layers(), model.config().contextLength());
        private final int configuredThreads = DjlRuntime.threads();
        private int threads = configuredThreads;
        private boolean filled;
        private SplitLinears split; // made on the first small decoding step when more than one thread is allowed

        @Override
        public float[][] logits(int[][] seqs, int windowStart, int len, boolean restart) {
            if (!filled || restart) {
                cache.clear();
                filled = true;
                useThreads(configuredThreads);
                return run(slice(seqs, windowStart, len), 0, cache, null);
            }
            boolean small = seqs.length <= SINGLE_THREAD_MAX_SAMPLES;
            useThreads(small ? 1 : configuredThreads);
            if (small && configuredThreads > 1 && split == null) {
                split = model.newSplitLinears();
            }
            return run(slice(seqs, len - 1, len), len - 1 - windowStart, cache, small ? split : null);
        }

        private void useThreads(int n) {
            if (n != threads) {
                DjlRuntime.setThreads(n);
                threads = n;
            }
        }

        @Override
        public void close() {
            useThreads(configuredThreads);
            cache.close();
            if (split != null) {
                split.close();
            }
        }
    }

    /** Decoding steps of at most this many samples run on one thread (see {@link Cached}). */
    static final int SINGLE_THREAD_MAX_SAMPLES = 2;
}
