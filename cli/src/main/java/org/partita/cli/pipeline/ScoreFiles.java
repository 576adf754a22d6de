package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.MidiFiles;
import org.partita.midi.scan.ScanProgress;
import org.partita.symbolic.Score;

/**
 * Reads the MIDI files under some paths in parallel (lenient reader) and turns each score into a value on the
 * worker thread, so scores are dropped as soon as they are measured. A file that cannot be read, or whose value
 * cannot be computed, becomes a {@link FileFailure} and the others go on. Results are in {@link MidiFiles#find}
 * order whatever the thread count.
 */
public final class ScoreFiles {

    /** One file: its value, or why it failed. */
    public record Outcome<T>(Path path, T value, FileFailure failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private ScoreFiles() {
    }

    /** @throws InterruptedException when interrupted; reading is abandoned */
    public static <T> List<Outcome<T>> map(List<Path> inputs, int threads, ScanProgress progress,
                                           BiFunction<Path, Score, T> measure) throws InterruptedException {
        List<MidiFiles.Found> found = MidiFiles.find(inputs);
        List<Path> toRead = found.stream().filter(MidiFiles.Found::isToRead).map(MidiFiles.Found::path).toList();
        progress.started(toRead.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, toRead.size())), r -> {
            Thread t = new Thread(r, "partita-read");
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        int[] done = {0};
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            MidiReader reader = MidiReader.lenient();
            for (Path file : toRead) {
                futures.add(pool.submit(() -> {
                    Outcome<T> o = readOne(reader, file, measure);
                    synchronized (lock) {
                        progress.fileDone(++done[0], toRead.size(), file, o.ok());
                    }
                    return o;
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>(found.size());
            int next = 0;
            for (MidiFiles.Found f : found) {
                outcomes.add(f.isToRead() ? await(futures.get(next++)) : new Outcome<>(f.path(), null, f.failure()));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> readOne(MidiReader reader, Path file, BiFunction<Path, Score, T> measure) {
        try {
            return new Outcome<>(file, measure.apply(file, reader.read(file).score()), null);
        } catch (MidiFormatException e) {
            return new Outcome<>(file, null, FileFailure.of(file, e));
        } catch (RuntimeException e) {
            return new Outcome<>(file, null, FileFailure.unexpected(file, e));
        }
    }

    private static <T> Outcome<T> await(Future<Outcome<T>> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("reading task failed", e.getCause());
        }
    }
}
