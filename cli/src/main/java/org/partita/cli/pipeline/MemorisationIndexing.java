package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationIndexFormat;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.evaluation.memorisation.NoteSequence;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.ScanProgress;
import org.partita.symbolic.Score;
import org.partita.tokenizers.Tokenizer;
import org.partita.training.TokenCorpus;

/**
 * Builds a memorisation index from MIDI files and saves it as a folder: {@code index.bin}
 * ({@link MemorisationIndexFormat}) and {@code index.json} (settings and counts, for people). Never prints.
 */
public final class MemorisationIndexing {

    /** The index file inside an index folder. */
    public static final String INDEX_FILE = "index.bin";

    /** What indexing did ({@code indexFile} null and {@code bytes} 0 for an index kept in memory). */
    public record Result(MemorisationIndex index, List<FileFailure> failures, Path indexFile, long bytes,
                         double seconds) {
    }

    private MemorisationIndexing() {
    }

    /**
     * An index, in memory, of every MIDI file under {@code inputs}, or of every piece of an input that is a token
     * corpus ({@code partita tokenize}'s folder: {@code index.json} and {@code tokenizer.json}; pieces are decoded
     * and named by their source file), with the files that could not be read.
     *
     * @throws IOException when a token corpus cannot be opened (the message names it)
     */
    public static Result build(List<Path> inputs, MemorisationSettings settings, int threads, ScanProgress progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        if (inputs.size() == 1 && Files.isRegularFile(inputs.get(0).resolve("index.json"))
                && Files.isRegularFile(inputs.get(0).resolve("tokenizer.json"))) {
            MemorisationIndex index = fromTokenCorpus(inputs.get(0), settings, progress);
            return new Result(index, List.of(), null, 0, (System.nanoTime() - start) / 1e9);
        }
        List<ScoreFiles.Outcome<List<NoteSequence>>> outcomes = ScoreFiles.map(inputs, threads, progress,
                (path, score) -> NoteSequence.of(score, settings.stepsPerQuarter()));
        MemorisationIndex.Builder builder = new MemorisationIndex.Builder(settings);
        List<FileFailure> failures = new ArrayList<>();
        for (ScoreFiles.Outcome<List<NoteSequence>> o : outcomes) {
            if (o.ok()) {
                builder.add(o.path().toString(), o.value());
            } else {
                failures.add(o.failure());
            }
        }
        MemorisationIndex index = builder.build();
        return new Result(index, List.copyOf(failures), null, 0, (System.nanoTime() - start) / 1e9);
    }

    private static MemorisationIndex fromTokenCorpus(Path dir, MemorisationSettings settings, ScanProgress progress)
            throws IOException {
        TokenCorpus corpus = TokenCorpus.open(dir);
        Tokenizer tokenizer = Detokenization.corpusTokenizer(corpus);
        MemorisationIndex.Builder builder = new MemorisationIndex.Builder(settings);
        progress.started(corpus.fileCount());
        for (int i = 0; i < corpus.fileCount(); i++) {
            Score score = tokenizer.decode(corpus.tokens(i)).score(); // decoding never throws: bad ids are skipped
            builder.add(corpus.index().files().get(i).source(), score);
            progress.fileDone(i + 1, corpus.fileCount(), dir, true);
        }
        return builder.build();
    }

    /** Indexes every MIDI file under {@code inputs} into {@code outDir} (created if missing). */
    public static Result index(List<Path> inputs, Path outDir, MemorisationSettings settings, int threads,
                               ScanProgress progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Result built = build(inputs, settings, threads, progress);
        MemorisationIndex index = built.index();
        List<FileFailure> failures = built.failures();
        Files.createDirectories(outDir);
        Path file = outDir.resolve(INDEX_FILE);
        OutputTarget.of(file).write(out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 20);
            MemorisationIndexFormat.save(index, buffered);
            buffered.flush();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", "partita memorisation index");
        root.put("formatVersion", MemorisationIndexFormat.VERSION);
        root.put("stepsPerQuarter", settings.stepsPerQuarter());
        root.put("seedNotes", settings.seedNotes());
        root.put("minBars", settings.minBars());
        root.put("minNotes", settings.minNotes());
        root.put("files", index.sources().size());
        root.put("failedFiles", failures.size());
        root.put("lines", index.lineCount());
        root.put("notes", index.noteCount());
        root.put("seconds", seconds);
        OutputTarget.of(outDir.resolve("index.json")).writeBytes(json.writeValueAsBytes(root));
        return new Result(index, List.copyOf(failures), file, Files.size(file), seconds);
    }

    /**
     * Loads the index in {@code path}: an index folder or its {@code index.bin}.
     *
     * @throws IOException naming the file when it is missing or not an index
     */
    public static MemorisationIndex load(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(INDEX_FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no memorisation index here (build one with partita evaluate "
                    + "--index-training DIR --out " + path + ")");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            return MemorisationIndexFormat.load(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
