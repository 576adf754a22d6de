package org.partita.cli.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partita.attention.AttentionAnalysis;
import org.partita.attention.AttentionCharts;
import org.partita.attention.AttentionFiles;
import org.partita.attention.AttentionNpz;
import org.partita.attention.AttentionResult;
import org.partita.attention.AttributesCsv;
import org.partita.attention.ResultTables;
import org.partita.attention.RunInfo;
import org.partita.attention.SequenceAttention;
import org.partita.midi.scan.ScanProgress;
import org.partita.training.Checkpoints;
import org.partita.training.TokenCorpus;
import org.partita.training.TrainingRuntime;
import org.partita.training.TransformerModel;
import org.partita.training.Versions;
import org.partita.training.attention.AttentionWindows;
import org.partita.training.attention.TokenAttributeMapper;

/**
 * {@code partita attention}: collects attention (a model run teacher-forced on corpus windows, or an
 * npz with its attribute CSV), analyses it sequence by sequence (memory holds one sequence's
 * attention at a time), and writes tables, charts and optionally the npz/CSV pair.
 */
public final class AttentionPipeline {

    /** What a run did. {@code skipped} lists pieces whose attributes could not be derived, with the reason. */
    public record Outcome(AttentionResult result, List<String> skipped, double forwardSeconds, double analysisSeconds,
                          double poolingSeconds, List<Path> files) {}

    private AttentionPipeline() {
    }

    /**
     * Runs {@code config}.
     *
     * @throws IOException on unreadable inputs (model, corpus, npz, CSV) or unwritable outputs
     * @throws org.partita.attention.InvalidAttentionException on attention or attributes breaking the format
     */
    public static Outcome run(AttentionConfig config, ScanProgress progress) throws IOException {
        AttentionAnalysis analysis = new AttentionAnalysis(config.settings(), true);
        List<String> skipped = new ArrayList<>();
        double[] seconds = new double[2];
        try {
            Files.createDirectories(config.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + config.out() + ": " + e, e);
        }
        RunInfo info;
        if (config.fromModel()) {
            info = fromModel(config, analysis, skipped, seconds, progress);
        } else {
            info = fromNpz(config, analysis, seconds, progress);
        }
        if (analysis.sequences() == 0) {
            throw new IOException("no sequence could be analysed (" + skipped.size() + " pieces skipped"
                    + (skipped.isEmpty() ? "" : ", first: " + skipped.get(0)) + ")");
        }
        long t0 = System.nanoTime();
        AttentionResult result = analysis.result();
        double pooling = (System.nanoTime() - t0) / 1e9;
        List<Path> files;
        try {
            ResultTables.writeAll(result, info, config.out());
            files = new ArrayList<>(AttentionCharts.writeAll(result, config.ranges(), config.out()));
        } catch (IOException e) {
            // an output problem, not a bad input: the command reports it with exit code 1
            throw new UncheckedIOException("cannot write the results to " + config.out() + ": " + e.getMessage(), e);
        }
        return new Outcome(result, skipped, seconds[0], seconds[1], pooling, files);
    }

    private static RunInfo fromModel(AttentionConfig config, AttentionAnalysis analysis, List<String> skipped, double[] seconds,
                                     ScanProgress progress) throws IOException {
        ModelRun run = ModelRun.open(config.model());
        TokenCorpus corpus = TokenCorpus.open(config.data());
        int vocab = run.info().model().vocabSize();
        if (corpus.index().vocabSize() != vocab) {
            throw new IOException(config.data() + ": token corpus has vocabSize " + corpus.index().vocabSize()
                    + ", the model " + vocab + " (it was made with another tokenizer)");
        }
        int maxLength = Math.min(config.maxLength(), run.info().model().contextLength());
        TrainingRuntime.setThreads(config.threads());
        TokenAttributeMapper mapper = new TokenAttributeMapper(run.tokenizer());
        int[] files = AttentionWindows.choose(corpus.fileCount(), config.sequences(), config.sequenceSeed());
        Path npzPath = config.out().resolve("attention.npz");
        Path csvPath = config.out().resolve("tokens.csv");
        List<String> sources = new ArrayList<>();
        progress.started(files.length);
        try (TransformerModel model = Checkpoints.loadModel(run.checkpoint());
             AttentionNpz.Writer npz = config.saveNpz() ? new AttentionNpz.Writer(npzPath) : null;
             AttributesCsv.Writer csv = config.saveNpz() ? new AttributesCsv.Writer(csvPath) : null) {
            int done = 0;
            for (int file : files) {
                AttentionWindows.Window w;
                try {
                    w = AttentionWindows.window(corpus, file, sources.size(), mapper, maxLength, config.pitchTokens());
                } catch (IllegalArgumentException e) {
                    skipped.add(e.getMessage());
                    progress.fileDone(++done, files.length, Path.of(corpus.index().files().get(file).source()), false);
                    continue;
                }
                long t0 = System.nanoTime();
                float[][][][] weights = model.attention(w.ids());
                long t1 = System.nanoTime();
                SequenceAttention seq = new SequenceAttention(w.sequence(), weights, w.attributes()).validated();
                analysis.add(analysis.analyze(seq));
                seconds[0] += (t1 - t0) / 1e9;
                seconds[1] += (System.nanoTime() - t1) / 1e9;
                if (npz != null) {
                    npz.write(weights);
                    csv.write(w.attributes());
                }
                sources.add(w.sequence() + "," + csvCell(w.source()) + "," + w.ids().length);
                progress.fileDone(++done, files.length, Path.of(w.source()), true);
            }
        }
        Files.write(config.out().resolve("sequences.csv"), prepend("seq,source,length", sources));
        Versions v = Versions.current();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("partita", v.partita());
        versions.put("djl", v.djl());
        versions.put("pytorch", v.pytorch());
        versions.put("java", v.java());
        versions.put("checkpointStep", Integer.toString(run.info().step()));
        return new RunInfo(run.checkpoint().toString(), config.data().toString(), null, maxLength, config.sequenceSeed(),
                config.pitchTokens(), versions);
    }

    private static RunInfo fromNpz(AttentionConfig config, AttentionAnalysis analysis, double[] seconds, ScanProgress progress)
            throws IOException {
        try (AttentionFiles files = new AttentionFiles(config.npz(), config.attributes())) {
            int n = files.sequences();
            progress.started(n);
            for (int s = 0; s < n; s++) {
                SequenceAttention seq = files.read(s);
                long t0 = System.nanoTime();
                analysis.add(analysis.analyze(seq));
                seconds[1] += (System.nanoTime() - t0) / 1e9;
                progress.fileDone(s + 1, n, Path.of("attn_" + s), true);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new RunInfo(null, config.npz().toString(), config.attributes().toString(), 0, 0, false,
                Map.of("partita", Versions.partitaVersion(), "java", System.getProperty("java.version")));
    }

    private static List<String> prepend(String header, List<String> lines) {
        List<String> out = new ArrayList<>(lines.size() + 1);
        out.add(header);
        out.addAll(lines);
        return out;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
