package org.partita.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;

/**
 * Whole-corpus MIDI parse throughput: {@code ParseBenchmark DIR [--rounds 10] [--warmup 5]
 * [--threads N] [--strict]}.
 *
 * <p>What is measured: every MIDI file under DIR is first read into memory (so the disk is not
 * measured), then parsed with {@link MidiReader#read(byte[], String)} in {@code warmup} untimed
 * rounds and {@code rounds} timed rounds, each round parsing every file once. Files are handed out to
 * {@code threads} worker threads in small batches from a shared counter. Rows: N threads, and 1
 * thread. Each row reports the median (and min–max) over its rounds of files/s, notes/s and MB/s
 * (MB = 10^6 bytes of MIDI input), and the peak heap in use during its rounds (the sum of the peak
 * usage of each heap memory pool, reset before the row; it includes the loaded corpus and is an
 * upper bound, as pools may peak at different moments). A file the reader refuses counts as a
 * failure and is still timed. Files/CPU-s divides by the CPU time of the worker threads instead of
 * wall time: on a machine shared with other work it shows what the parser does per core it gets
 * (it still counts the cost of cache and memory contention, and not GC threads).
 *
 * <p>Not thread-safe; one run per instance. Prints one summary table; {@link #run} returns the exit
 * code (0 ok, 2 bad arguments or unreadable directory).
 */
public final class ParseBenchmark {

    /** Files a worker takes from the shared counter at a time: few enough to balance, many enough to not contend. */
    private static final int BATCH = 8;

    /** Benchmark settings, validated on construction. */
    record Options(Path dir, int rounds, int warmup, int threads, boolean strict) {
        Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
        }

        static Options parse(String[] args) {
            Path dir = null;
            int rounds = 10;
            int warmup = 5;
            int threads = Runtime.getRuntime().availableProcessors();
            boolean strict = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--rounds" -> rounds = intValue(args, ++i, a);
                    case "--warmup" -> warmup = intValue(args, ++i, a);
                    case "--threads" -> threads = intValue(args, ++i, a);
                    case "--strict" -> strict = true;
                    default -> {
                        if (a.startsWith("--") || dir != null) {
                            throw new IllegalArgumentException("unexpected argument '" + a + "'");
                        }
                        dir = Path.of(a);
                    }
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("missing DIR");
            }
            return new Options(dir, rounds, warmup, threads, strict);
        }

        private static int intValue(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a number");
            }
            try {
                return Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + args[i] + "'");
            }
        }
    }

    /** Totals of one pass over the corpus: wall time, CPU time of the workers, notes, failures. */
    record Pass(long nanos, long cpuNanos, long notes, int failures) {
    }

    /** The rounds of one row (one thread count). */
    record Row(int threads, List<Pass> passes, long peakHeapBytes) {
        double[] rates(double perRound) {
            return passes.stream().mapToDouble(p -> perRound * 1e9 / p.nanos).sorted().toArray();
        }

        double[] cpuRates(double perRound) {
            return passes.stream().mapToDouble(p -> perRound * 1e9 / p.cpuNanos).sorted().toArray();
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the benchmark and prints its table to {@code out}; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        Options options;
        MidiCorpus corpus;
        try {
            options = Options.parse(args);
            corpus = MidiCorpus.load(options.dir());
        } catch (IllegalArgumentException | IOException e) {
            out.println("error: " + e.getMessage());
            out.println("usage: ParseBenchmark DIR [--rounds 10] [--warmup 5] [--threads N] [--strict]");
            return 2;
        }
        if (corpus.size() == 0) {
            out.println("error: no .mid/.midi/.kar/.rmi files under " + options.dir());
            return 2;
        }
        MidiReader reader = options.strict() ? MidiReader.strict() : MidiReader.lenient();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            for (int i = 0; i < options.warmup(); i++) {
                pass(corpus, reader, pool, options.threads());
            }
            List<Row> rows = new ArrayList<>();
            rows.add(row(corpus, reader, pool, options.threads(), options.rounds()));
            if (options.threads() > 1) {
                rows.add(row(corpus, reader, pool, 1, options.rounds()));
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            print(out, options, corpus, rows);
            out.printf(Locale.ROOT, "system load average (1 min): %.2f before, %.2f after%n", loadBefore, loadAfter);
            printFailures(out, corpus, reader);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static Row row(MidiCorpus corpus, MidiReader reader, ExecutorService pool, int threads, int rounds) {
        System.gc();
        resetHeapPeaks();
        List<Pass> passes = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            passes.add(pass(corpus, reader, pool, threads));
        }
        return new Row(threads, passes, heapPeakBytes());
    }

    /** Parses every file once over {@code threads} workers and returns the wall time and totals. */
    static Pass pass(MidiCorpus corpus, MidiReader reader, ExecutorService pool, int threads) {
        AtomicInteger next = new AtomicInteger();
        List<Future<long[]>> results = new ArrayList<>(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> work(corpus, reader, next)));
        }
        long notes = 0;
        long failures = 0;
        long cpuNanos = 0;
        for (Future<long[]> f : results) {
            long[] r = get(f);
            notes += r[0];
            failures += r[1];
            cpuNanos += r[2];
        }
        long nanos = System.nanoTime() - start;
        return new Pass(nanos, cpuNanos, notes, (int) failures);
    }

    /** One worker: takes batches of file indices until none are left; returns {notes, failures, CPU ns}. */
    private static long[] work(MidiCorpus corpus, MidiReader reader, AtomicInteger next) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        List<byte[]> files = corpus.bytes();
        int n = files.size();
        long notes = 0;
        long failures = 0;
        for (int from = next.getAndAdd(BATCH); from < n; from = next.getAndAdd(BATCH)) {
            int to = Math.min(n, from + BATCH);
            for (int i = from; i < to; i++) {
                try {
                    notes += reader.read(files.get(i), corpus.names().get(i)).score().noteCount();
                } catch (MidiFormatException e) {
                    failures++;
                }
            }
        }
        return new long[] {notes, failures, cpu.getCurrentThreadCpuTime() - cpuStart};
    }

    private static long[] get(Future<long[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // The reader only throws MidiFormatException, which work() counts; anything else is a bug to see.
            throw new IllegalStateException("parse worker failed: " + e.getCause(), e.getCause());
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void print(PrintStream out, Options o, MidiCorpus corpus, List<Row> rows) {
        double mb = corpus.totalBytes() / 1e6;
        long notes = rows.get(0).passes().get(0).notes();
        int failures = rows.get(0).passes().get(0).failures();
        out.printf(Locale.ROOT, "Partita parse benchmark: %s%n", o.dir());
        out.printf(Locale.ROOT, "files %,d  total %.2f MB  notes %,d  failures %d  mode %s%n",
                corpus.size(), mb, notes, failures, o.strict() ? "strict" : "lenient");
        out.printf(Locale.ROOT, "files read into memory before timing (disk not measured); warm-up %d rounds, %d timed rounds per row%n",
                o.warmup(), o.rounds());
        out.printf(Locale.ROOT, "JVM %s %s (%s), %d cores available, max heap %d MB, GC %s%n",
                System.getProperty("java.vm.name"), Runtime.version(), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, gcNames());
        out.println();
        out.println("threads |        files/s median (min-max) |  notes/s median |  MB/s median | files/CPU-s median | peak heap MB");
        out.println("--------|---------------------------------|-----------------|--------------|--------------------|-------------");
        for (Row r : rows) {
            double[] files = r.rates(corpus.size());
            double[] noteRates = r.rates(notes);
            double[] mbRates = r.rates(mb);
            out.printf(Locale.ROOT, "%7d | %,9.0f (%,9.0f-%,9.0f) | %,15.0f | %,12.1f | %,18.0f | %,12d%n",
                    r.threads(), median(files), files[0], files[files.length - 1], median(noteRates),
                    median(mbRates), median(r.cpuRates(corpus.size())), r.peakHeapBytes() >> 20);
        }
    }

    private static void printFailures(PrintStream out, MidiCorpus corpus, MidiReader reader) {
        int shown = 0;
        for (int i = 0; i < corpus.size() && shown < 5; i++) {
            try {
                reader.read(corpus.bytes().get(i), corpus.names().get(i));
            } catch (MidiFormatException e) {
                out.println("failure: " + e.getMessage());
                shown++;
            }
        }
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> names.add(gc.getName()));
        return String.join(", ", names);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private ParseBenchmark() {
    }
}
