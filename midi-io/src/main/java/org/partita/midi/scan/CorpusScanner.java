package org.partita.midi.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.ReadResult;

/**
 * Reads every MIDI file under some paths, in parallel, and reports on each.
 *
 * <p>A file that cannot be read becomes a {@link FileFailure} and the scan goes on: the reader's
 * {@link MidiFormatException}, and also any {@link RuntimeException} it throws by mistake, is caught
 * for that file alone. Scores are summarised as soon as they are read and then dropped, so memory
 * grows with the number of files, not with their size. Outcomes are in the order
 * {@link MidiFiles#find} gives, whatever the thread count. Thread-safe: one scanner may run several
 * scans at once.
 */
public final class CorpusScanner {

    /** Reads one file; the seam lets tests inject a reader fault. */
    @FunctionalInterface
    interface PathReader {
        ReadResult read(Path path) throws MidiFormatException;
    }

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final ScanOptions options;
    private final PathReader reader;

    /** A scanner reading with {@code options}. */
    public CorpusScanner(ScanOptions options) {
        this(options, new MidiReader(Objects.requireNonNull(options, "options").readOptions())::read);
    }

    CorpusScanner(ScanOptions options, PathReader reader) {
        this.options = Objects.requireNonNull(options, "options");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The options this scanner reads with. */
    public ScanOptions options() {
        return options;
    }

    /** Scans without reporting progress. */
    public ScanReport scan(List<Path> inputs) throws InterruptedException {
        return scan(inputs, ScanProgress.NONE);
    }

    /**
     * Finds the MIDI files under {@code inputs} (see {@link MidiFiles#find}), reads them on
     * {@link ScanOptions#threads()} threads and reports on each.
     *
     * @throws InterruptedException when the calling thread is interrupted; reading is abandoned
     */
    public ScanReport scan(List<Path> inputs, ScanProgress progress) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        List<MidiFiles.Found> found = MidiFiles.find(inputs);
        List<Path> toRead = found.stream().filter(MidiFiles.Found::isToRead).map(MidiFiles.Found::path).toList();
        List<FileOutcome> read = readAll(toRead, progress);

        List<FileOutcome> outcomes = new ArrayList<>(found.size());
        int next = 0;
        for (MidiFiles.Found f : found) {
            outcomes.add(f.isToRead() ? read.get(next++) : f.failure());
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        return new ScanReport(outcomes, ScanTotals.of(outcomes), options, elapsedMillis);
    }

    private List<FileOutcome> readAll(List<Path> files, ScanProgress progress) throws InterruptedException {
        progress.started(files.size());
        if (files.isEmpty()) {
            return List.of();
        }
        Object progressLock = new Object();
        int[] done = {0};
        int threads = Math.min(options.threads(), files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>(files.size());
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    FileOutcome outcome = readOne(file);
                    synchronized (progressLock) {
                        done[0]++;
                        progress.fileDone(done[0], files.size(), file, outcome instanceof FileSummary);
                    }
                    return outcome;
                }));
            }
            List<FileOutcome> outcomes = new ArrayList<>(files.size());
            for (Future<FileOutcome> future : futures) {
                outcomes.add(await(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private FileOutcome readOne(Path file) {
        try {
            return FileSummary.of(file, reader.read(file));
        } catch (MidiFormatException e) {
            return FileFailure.of(file, e);
        } catch (RuntimeException e) {
            return FileFailure.unexpected(file, e);
        }
    }

    /** Waits for one file; only the progress callback or an Error can make its task fail. */
    private static FileOutcome await(Future<FileOutcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("scan task failed", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "partita-scan-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true); // a scan abandoned by an interrupt must not keep the JVM alive
            return t;
        };
    }
}
