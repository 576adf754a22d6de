package org.partita.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.roll.PianoRollConfig;
import org.partita.symbolic.roll.RollPlane;

/**
 * Whole-corpus piano-roll throughput: every MIDI file's bytes are loaded first, then each round goes over
 * every file on 1..N threads; reports files/s as the median of the timed rounds after warm-up rounds,
 * and the system load average before and after (the machine may be shared). At 24 steps per quarter,
 * velocities, all three planes kept ({@link PianoRollConfig#defaults()}). Rows:
 *
 * <ul>
 *   <li>{@code parse only} — {@code MidiReader} to {@code Score};
 *   <li>{@code roll built (notes quantised)} — {@link PianoRoll#from}: the roll stores quantised notes,
 *       no dense plane exists yet;
 *   <li>{@code + dense FRAME} — the frame plane, {@code (tracks, steps, 128)} bytes, materialised;
 *   <li>{@code + dense ONSET+FRAME+OFFSET} — all three planes materialised: what a user of a dense
 *       multi-mode piano roll (symusic's {@code score.pianoroll()}) gets, in new arrays
 *       ({@link PianoRoll#planeBuffer}). This is the headline row;
 *   <li>{@code + dense 3 planes, reused buffer} — the same bytes written by {@link PianoRoll#copyPlaneTo}
 *       into one {@code (3, tracks, steps, 128)} buffer per thread, reused from file to file, as a data
 *       loader would (and as a C++ allocator reuses freed memory).
 * </ul>
 *
 * <p>Each is measured from MIDI bytes ({@code parse + ...}) and from scores parsed beforehand
 * ({@code [parsed] ...}), since it is not recorded whether symusic's figure includes its parse (15,110
 * files/s on its own). Compare: symusic 0.5.8 builds 2,208 POP909 rolls/s at 24 steps per beat
 * (single-threaded, quiet machine; docs ENVIRONMENT.md).
 *
 * <pre>
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -XX:+UseParallelGC -Xmx2g -cp benchmarks/target/classes:symbolic/target/classes:midi-io/target/classes \
 *     org.partita.bench.PianoRollBenchmark ../shared/data/corpora/pop909 [threads=2] [warmup=3] [rounds=5]
 * </pre>
 */
public final class PianoRollBenchmark {

    /** How far each file goes. */
    private enum Work {
        PARSE("parse only"),
        ROLL("roll built (notes quantised)"),
        DENSE_FRAME("roll + dense FRAME"),
        DENSE_ALL("roll + dense ONSET+FRAME+OFFSET"),
        DENSE_ALL_REUSED("roll + dense 3 planes, reused buffer");

        final String label;

        Work(String label) {
            this.label = label;
        }
    }

    private PianoRollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/corpora/pop909");
        int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<byte[]> files = load(dir);
        List<Score> scores = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            scores.add(MidiReader.lenient().read(files.get(i), "file " + i).score());
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "%d files, %.1f MB, from %s; %d warm-up and %d timed rounds; Java %s; load average %.2f%n",
                files.size(), files.stream().mapToLong(b -> b.length).sum() / 1e6, dir, warmup, rounds,
                Runtime.version(), loadBefore);
        // One untimed pass of every kind first, so the first rows do not pay for compiling the later ones' code.
        ExecutorService jit = Executors.newSingleThreadExecutor();
        try {
            for (Work work : Work.values()) {
                round(files, null, work, 1, jit);
            }
        } finally {
            jit.shutdown();
        }
        System.out.printf("%-48s %7s %12s %12s%n", "what (24 steps per quarter)", "threads", "files/s", "MB planes/s");
        for (int threads = 1; threads <= maxThreads; threads++) {
            for (Work work : Work.values()) {
                report(work == Work.PARSE ? work.label : "parse + " + work.label, files, null, work, threads, warmup, rounds);
            }
            for (Work work : Work.values()) {
                if (work != Work.PARSE) {
                    report("[parsed] " + work.label, null, scores, work, threads, warmup, rounds);
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average %.2f before, %.2f after (%d cores)%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static List<byte[]> load(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> paths = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".mid")).sorted()
                    .collect(Collectors.toList());
            List<byte[]> out = new ArrayList<>(paths.size());
            for (Path p : paths) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }

    private static void report(String what, List<byte[]> files, List<Score> scores, Work work, int threads,
                               int warmup, int rounds) throws Exception {
        int count = files != null ? files.size() : scores.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[] rates = new double[rounds];
            long bytes = 0;
            for (int r = -warmup; r < rounds; r++) {
                long start = System.nanoTime();
                bytes = round(files, scores, work, threads, pool);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (r >= 0) {
                    rates[r] = count / seconds;
                }
            }
            Arrays.sort(rates);
            double median = rates[rounds / 2];
            double mbPerSecond = bytes / 1e6 * median / count;
            System.out.printf(Locale.ROOT, "%-48s %7d %12.0f %12.0f%n", what, threads, median, mbPerSecond);
        } finally {
            pool.shutdown();
        }
    }

    /** One pass over all files; returns the bytes of dense planes materialised (to keep the work observable). */
    private static long round(List<byte[]> files, List<Score> scores, Work work, int threads, ExecutorService pool)
            throws Exception {
        int count = files != null ? files.size() : scores.size();
        PianoRollConfig config = PianoRollConfig.defaults();
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long bytes = 0;
                byte[] buffer = new byte[0]; // this thread's own, for DENSE_ALL_REUSED
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        Score score = files != null ? MidiReader.lenient().read(files.get(i), "file " + i).score()
                                : scores.get(i);
                        if (work == Work.PARSE) {
                            bytes += score.noteCount() > 0 ? 0 : 1;
                            continue;
                        }
                        PianoRoll roll = PianoRoll.from(score, config);
                        if (work == Work.ROLL) {
                            bytes += roll.stepCount() > 0 ? 0 : 1;
                        } else if (work == Work.DENSE_FRAME) {
                            bytes += roll.planeBuffer(RollPlane.FRAME).capacity();
                        } else if (work == Work.DENSE_ALL) {
                            for (RollPlane plane : RollPlane.values()) {
                                bytes += roll.planeBuffer(plane).capacity();
                            }
                        } else {
                            int size = roll.trackCount() * roll.stepCount() * PianoRoll.PITCHES;
                            if (buffer.length < 3 * size) {
                                buffer = new byte[3 * size + (3 * size >> 2)];
                            }
                            for (RollPlane plane : RollPlane.values()) {
                                roll.copyPlaneTo(plane, buffer, plane.ordinal() * size);
                                bytes += size;
                            }
                        }
                    } catch (MidiFormatException e) {
                        System.err.println("skipped: " + e.getMessage());
                    }
                }
                return bytes;
            }));
        }
        long bytes = 0;
        for (Future<Long> f : parts) {
            bytes += f.get();
        }
        return bytes;
    }
}
