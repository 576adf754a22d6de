package org.partita.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.remi.RemiConfig;
import org.partita.tokenizers.remi.RemiConfigJson;
import org.partita.tokenizers.remi.RemiTokenizer;

/**
 * REMI tokenization throughput over the 909 POP909 files (MidiTok 3.0.6 reference config), and the
 * peak heap of streaming the whole development corpus through read → encode → discard.
 *
 * <pre>
 * TokenizeBenchmark [--data DIR] [--threads N] [--rounds R] [--warmup W]   throughput table
 * TokenizeBenchmark --heap [--data DIR]                                      peak heap (run with -Xmx256m)
 * </pre>
 *
 * Throughput rows: "encode" times {@code RemiTokenizer.encode} (MidiTok's preprocessing included)
 * over already-parsed scores; "read+encode" starts from the file bytes in memory. Each row runs
 * {@code W} warm-up rounds, then {@code R} timed rounds over all files; the median round is reported.
 * Threads share one tokenizer and take files from a shared counter. "files/cpu-s" divides by the
 * worker threads' CPU time instead of wall time: on a shared, loaded machine it shows what the code
 * costs when wall-clock figures are depressed by other processes.
 */
public final class TokenizeBenchmark {

    /** MidiTok 3.0.6 on this machine, POP909 REMI (figure from the issue). */
    private static final double MIDITOK_FILES_PER_SECOND = 92;

    private TokenizeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        int threads = Runtime.getRuntime().availableProcessors();
        int rounds = 7;
        int warmup = 5;
        boolean heap = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--heap" -> heap = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        RemiTokenizer tokenizer = RemiTokenizer.of(referenceConfig(data));
        if (heap) {
            HeapRun.run(tokenizer, CorpusFiles.midiFiles(data.resolve("corpora")));
        } else {
            throughput(tokenizer, data, threads, rounds, warmup);
        }
    }

    private static RemiConfig referenceConfig(Path data) throws IOException {
        Path config = data.resolveSibling("reference").resolve("miditok-remi-pop909/config.json");
        return Files.exists(config) ? RemiConfigJson.fromJson(Files.readString(config)) : RemiConfig.defaults();
    }

    private static void throughput(RemiTokenizer tokenizer, Path data, int threads, int rounds, int warmup)
            throws Exception {
        List<Path> paths = CorpusFiles.midiFiles(data.resolve("corpora/pop909"));
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no MIDI files under " + data.resolve("corpora/pop909"));
        }
        byte[][] bytes = new byte[paths.size()][];
        Score[] scores = new Score[paths.size()];
        long notes = 0;
        for (int i = 0; i < paths.size(); i++) {
            bytes[i] = Files.readAllBytes(paths.get(i));
            scores[i] = MidiReader.lenient().read(bytes[i], paths.get(i).toString()).score();
            notes += scores[i].noteCount();
        }
        System.out.printf(Locale.ROOT, "REMI (MidiTok 3.0.6 POP909 config), %d files, %d notes; %d cores, Java %s%n",
                paths.size(), notes, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "warm-up %d rounds, %d timed rounds per row, median round reported%n%n",
                warmup, rounds);
        System.out.printf(Locale.ROOT, "%-12s %7s %10s %19s %12s %8s %13s %15s%n", "row", "threads", "files/s",
                "min..max files/s", "tokens/s", "vs MidiTok", "files/cpu-s", "load avg 1m");
        List<int[]> configs = new ArrayList<>();
        configs.add(new int[] {0, 1});
        if (threads > 1) {
            configs.add(new int[] {0, threads});
        }
        configs.add(new int[] {1, 1});
        if (threads > 1) {
            configs.add(new int[] {1, threads});
        }
        for (int[] c : configs) {
            boolean fromBytes = c[0] == 1;
            Job job = i -> fromBytes
                    ? tokenizer.encode(MidiReader.lenient().read(bytes[i], "file " + i).score()).size()
                    : tokenizer.encode(scores[i]).size();
            row(fromBytes ? "read+encode" : "encode", job, scores.length, c[1], rounds, warmup);
        }
    }

    /** Encodes item {@code i}; returns its token count. */
    interface Job {
        long run(int i) throws Exception;
    }

    private static void row(String name, Job job, int items, int threads, int rounds, int warmup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = 0; r < warmup; r++) {
                round(pool, job, items, threads);
            }
            double loadBefore = load();
            double[] filesPerSecond = new double[rounds];
            double[] tokensPerSecond = new double[rounds];
            double[] filesPerCpuSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                long[] tokensAndCpu = round(pool, job, items, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                filesPerSecond[r] = items / seconds;
                tokensPerSecond[r] = tokensAndCpu[0] / seconds;
                filesPerCpuSecond[r] = items / (tokensAndCpu[1] / 1e9);
            }
            Arrays.sort(filesPerCpuSecond);
            double loadAfter = load();
            double[] sorted = filesPerSecond.clone();
            Arrays.sort(sorted);
            double median = sorted[rounds / 2];
            double[] tokSorted = tokensPerSecond.clone();
            Arrays.sort(tokSorted);
            System.out.printf(Locale.ROOT, "%-12s %7d %10.0f %9.0f..%-9.0f %12.3g %7.1fx %13.0f %7.2f → %5.2f%n", name,
                    threads, median, sorted[0], sorted[rounds - 1], tokSorted[rounds / 2],
                    median / MIDITOK_FILES_PER_SECOND, filesPerCpuSecond[rounds / 2], loadBefore, loadAfter);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] round(ExecutorService pool, Job job, int items, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long tokens = 0;
                for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                    tokens += job.run(i);
                }
                return new long[] {tokens, THREADS.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        long[] total = new long[2];
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            total[0] += r[0];
            total[1] += r[1];
        }
        return total;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
