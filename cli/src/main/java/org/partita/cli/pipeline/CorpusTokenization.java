package org.partita.cli.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.partita.midi.MidiReader;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.ScanProgress;
import org.partita.training.TokenCorpusWriter;

/**
 * Turns MIDI files into a token corpus directory ({@code shard-NNNNN.bin}, {@code index.json},
 * {@code tokenizer.json}, {@code failures.json}, optionally {@code text/}); see docs/file-formats.md.
 *
 * <p>Files are read and encoded on {@link TokenizationConfig#threads()} threads and written by the
 * calling thread, in input order. At most {@link TokenizationConfig#piecesInFlight()} pieces are
 * submitted but not yet written: when the oldest is not done, submitting waits (back-pressure), so
 * memory is bounded by the pieces in flight, not by the corpus. Because pieces are written in input
 * order, the output is byte-identical whatever the thread count. A file that cannot be read or encoded
 * becomes a {@link FileFailure} and the job goes on; an output error ends the job with an exception.
 *
 * <p>Stateless and thread-safe; one run writes one directory.
 */
public final class CorpusTokenization {

    /** The failures file written next to {@code index.json}. */
    public static final String FAILURES_FILE = "failures.json";
    /** The folder of the text dumps. */
    public static final String TEXT_FOLDER = "text";

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private CorpusTokenization() {
    }

    /** Throws {@link IllegalArgumentException} naming the missing token when {@code tokenizer} cannot make a corpus. */
    public static void checkTokenizer(org.partita.tokenizers.Tokenizer tokenizer) {
        SpecialIds.of(tokenizer.name(), tokenizer.vocabulary());
    }

    /**
     * Runs the whole job. Progress is told from the calling thread, once per file in input order.
     *
     * @throws IOException when the output cannot be written (the directory may then hold a partial corpus)
     * @throws InterruptedException when the calling thread is interrupted; the job is abandoned
     * @throws IllegalArgumentException when the tokenizer's vocabulary lacks BOS/EOS/PAD tokens
     */
    public static TokenizationResult run(TokenizationConfig config, ScanProgress progress)
            throws IOException, InterruptedException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        SpecialIds special = SpecialIds.of(config.tokenizer().name(), config.tokenizer().vocabulary());
        List<InputFiles.Entry> entries = InputFiles.find(config.inputs());
        Path textRoot = config.writeText() ? config.outputDirectory().resolve(TEXT_FOLDER) : null;
        PieceEncoder encoder = new PieceEncoder(new MidiReader(config.readOptions()), config.tokenizer(), textRoot,
                config.limits());

        List<FileFailure> failures = new ArrayList<>();
        Totals totals = new Totals(config.maxTokensPerShard());
        progress.started(entries.size());
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        boolean complete = false;
        try (TokenCorpusWriter writer = new TokenCorpusWriter(config.outputDirectory(),
                config.tokenizer().vocabulary().size(), special.bosId(), special.eosId(), special.padId(),
                special.framing(), config.maxTokensPerShard())) {
            writer.writeTokenizer(config.tokenizer().configJson());
            ArrayDeque<Future<Piece>> inFlight = new ArrayDeque<>();
            int done = 0;
            for (InputFiles.Entry entry : entries) {
                if (inFlight.size() >= config.piecesInFlight()) {
                    write(await(inFlight.poll()), writer, failures, totals);
                    progress.fileDone(++done, entries.size(), totals.lastPath, totals.lastOk);
                }
                inFlight.add(entry.isToRead()
                        ? pool.submit(() -> encoder.encode(entry.path(), entry.textName()))
                        : CompletableFuture.completedFuture(new Piece.Failed(entry.failure())));
            }
            while (!inFlight.isEmpty()) {
                write(await(inFlight.poll()), writer, failures, totals);
                progress.fileDone(++done, entries.size(), totals.lastPath, totals.lastOk);
            }
            complete = totals.pieces > 0; // no piece tokenized: no corpus, whatever the reason
        } finally {
            pool.shutdownNow();
            if (!complete) {
                // the writer wrote its index on close; a job that stopped part-way, or tokenized nothing, must not
                // look like a (complete or empty) corpus
                Files.deleteIfExists(config.outputDirectory().resolve("index.json"));
            }
        }
        FailuresJson.write(failures, config.outputDirectory().resolve(FAILURES_FILE));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        return new TokenizationResult(config.outputDirectory(), entries.size(), totals.pieces, totals.tokens,
                totals.notes, totals.shardCount, failures, elapsedMillis);
    }

    private static void write(Piece piece, TokenCorpusWriter writer, List<FileFailure> failures, Totals totals)
            throws IOException {
        if (piece instanceof Piece.Encoded e) {
            writer.add(e.path().toString(), e.sha1(), e.notes(), e.ids());
            totals.add(e);
        } else if (piece instanceof Piece.Failed f) {
            failures.add(f.failure());
            totals.lastPath = f.failure().path();
            totals.lastOk = false;
        }
    }

    /** Waits for one piece; a task fails only on an output error (text file) or an Error. */
    private static Piece await(Future<Piece> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("tokenize task failed", cause);
        }
    }

    /** Running totals of the writer thread, and the file last written (for progress). */
    private static final class Totals {
        int pieces;
        long tokens;
        long notes;
        long tokensInShard;
        int shardCount;
        Path lastPath;
        boolean lastOk;

        void add(Piece.Encoded e) {
            // TokenCorpusWriter's rule: a piece that would overflow a non-empty shard starts a new one
            if (shardCount == 0 || (tokensInShard > 0 && tokensInShard + e.ids().length > maxTokensPerShard)) {
                shardCount++;
                tokensInShard = 0;
            }
            tokensInShard += e.ids().length;
            pieces++;
            tokens += e.ids().length;
            notes += e.notes();
            lastPath = e.path();
            lastOk = true;
        }

        final long maxTokensPerShard;

        Totals(long maxTokensPerShard) {
            this.maxTokensPerShard = maxTokensPerShard;
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "partita-tokenize-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true); // a job abandoned by an interrupt must not keep the JVM alive
            return t;
        };
    }
}
