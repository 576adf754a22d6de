package org.partita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.roll.PianoRollConfig;
import org.partita.symbolic.roll.RollPlane;

/**
 * Whole-corpus piano-roll throughput: every MIDI file's bytes are loaded first, then each round parses
 * every file and builds its roll at 24 steps per quarter, on 1 and on N threads; reports files/s as
 * the median of the timed rounds after warm-up rounds. Compare: symusic 0.5.8 builds 2,208 POP909
 * rolls/s at 24 steps per beat (docs ENVIRONMENT.md).
 *
 * <pre>
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/classes:symbolic/target/classes:midi-io/target/classes \
 *     org.partita.bench.PianoRollBenchmark ../shared/data/corpora/pop909 [threads=2] [warmup=3] [rounds=5]
 * </pre>
 */
public final class PianoRollBenchmark {

    private PianoRollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/corpora/pop909");
        int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<byte[]> files = load(dir);
        System.out.printf(Locale.ROOT, "%d files, %.1f MB, from %s; %d warm-up and %d timed rounds; Java %s%n",
                files.size(), files.stream().mapToLong(b -> b.length).sum() / 1e6, dir, warmup, rounds,
                Runtime.version());
        PianoRollConfig all = PianoRollConfig.defaults();
        PianoRollConfig onsetFrame = all.withPlanes(EnumSet.of(RollPlane.ONSET, RollPlane.FRAME));
        System.out.printf("%-34s %7s %12s %12s%n", "what (24 steps per quarter)", "threads", "files/s", "MB cells/s");
        for (int threads = 1; threads <= maxThreads; threads++) {
            report("parse only", files, null, threads, warmup, rounds);
            report("parse + roll, onset+frame", files, onsetFrame, threads, warmup, rounds);
            report("parse + roll, onset+frame+offset", files, all, threads, warmup, rounds);
        }
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

    private static void report(String what, List<byte[]> files, PianoRollConfig config, int threads, int warmup,
                               int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[] rates = new double[rounds];
            long cells = 0;
            for (int r = -warmup; r < rounds; r++) {
                long start = System.nanoTime();
                cells = round(files, config, threads, pool);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (r >= 0) {
                    rates[r] = files.size() / seconds;
                }
            }
            Arrays.sort(rates);
            double median = rates[rounds / 2];
            double mbPerSecond = cells / 1e6 * median / files.size();
            System.out.printf(Locale.ROOT, "%-34s %7d %12.0f %12.0f%n", what, threads, median, mbPerSecond);
        } finally {
            pool.shutdown();
        }
    }

    /** One pass over all files; returns the bytes of cells allocated (to keep the work observable). */
    private static long round(List<byte[]> files, PianoRollConfig config, int threads, ExecutorService pool)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long cells = 0;
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    try {
                        var score = MidiReader.lenient().read(files.get(i), "file " + i).score();
                        if (config == null) {
                            cells += score.noteCount();
                        } else {
                            PianoRoll roll = PianoRoll.from(score, config);
                            cells += (long) roll.trackCount() * roll.stepCount() * PianoRoll.PITCHES * config.planes().size();
                        }
                    } catch (MidiFormatException e) {
                        System.err.println("skipped: " + e.getMessage());
                    }
                }
                return cells;
            }));
        }
        long cells = 0;
        for (Future<Long> f : parts) {
            cells += f.get();
        }
        return cells;
    }
}
