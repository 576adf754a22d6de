package org.partita.cli.studio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.partita.cli.pipeline.MemorisationIndexing;
import org.partita.cli.pipeline.RollHarmony;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.midi.scan.ScanProgress;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.training.DjlRuntime;
import org.partita.training.roll.RollCheckpointInfo;
import org.partita.training.roll.RollModel;

/**
 * The piano-roll (Coconet-style) model the studio harmonises and infills with — the chorale model shipped in the
 * training jar, or a {@code --roll-model} run — loaded once, and a memorisation index of the corpus it was trained
 * on (the folder its {@code config.json} names), built once. The music itself is {@link RollHarmony}'s, the same
 * code as {@code partita harmonize} and {@code partita infill}. Generation calls are not thread-safe:
 * {@link GenerationPool} runs them one at a time.
 */
public final class RollModels implements AutoCloseable {

    /**
     * One candidate.
     *
     * @param score     the four-voice result
     * @param generated the part the model wrote, for the memorisation check: harmonize's alto, tenor and bass;
     *                  infill's regenerated voices in the regenerated bars
     * @param notes     what {@link RollHarmony} changed or assumed, one line each
     */
    record Candidate(Score score, Score generated, List<String> notes) {
    }

    private final RollModel model;
    private final String name;
    private final int step;
    private final MemorisationIndex index;
    private final String indexProblem;
    private final String reason;

    private RollModels(RollModel model, String name, int step, MemorisationIndex index, String indexProblem,
                       String reason) {
        this.model = model;
        this.name = name;
        this.step = step;
        this.index = index;
        this.indexProblem = indexProblem;
        this.reason = reason;
    }

    /** No roll model: harmonize and infill answer 503 with {@code reason}. */
    public static RollModels unavailable(String reason) {
        return new RollModels(null, null, 0, null, null, reason);
    }

    /**
     * Loads the model in {@code dir} (a checkpoint or run directory of {@code partita train-roll}), or the shipped
     * chorale model when {@code dir} is null, and indexes its training corpus, telling {@code progress} what it
     * is doing.
     *
     * @param threads PyTorch threads (0 = as configured)
     * @throws IOException naming what is missing where
     */
    public static RollModels load(Path dir, int threads, Consumer<String> progress) throws IOException {
        DjlRuntime.engine(threads);
        RollCheckpointInfo info;
        String name;
        RollModel model;
        if (dir == null) {
            name = "the chorale model shipped with Partita";
            progress.accept("loading the piano-roll model: " + name);
            info = RollCheckpointInfo.fromJson(defaultConfig());
            model = org.partita.training.roll.RollModels.loadDefault();
        } else {
            Path checkpoint = org.partita.training.roll.RollModels.checkpointDir(dir);
            name = checkpoint.toString();
            progress.accept("loading the piano-roll model " + checkpoint);
            info = org.partita.training.roll.RollModels.readInfo(checkpoint);
            model = org.partita.training.roll.RollModels.load(checkpoint);
        }
        progress.accept("piano-roll model: step " + info.step() + ", " + info.model().layers() + " layers, "
                + model.parameterCount() + " parameters");
        MemorisationIndex index = null;
        String problem = null;
        Path corpus = info.corpusDirectory() == null ? null : Path.of(info.corpusDirectory());
        if (corpus == null || !Files.isDirectory(corpus)) {
            problem = "the piano-roll model's training corpus " + corpus + " is not on this machine";
        } else {
            progress.accept("indexing the piano-roll model's training corpus " + corpus
                    + " for the memorisation check");
            try {
                index = MemorisationIndexing.build(List.of(corpus), MemorisationSettings.defaults(), 1,
                        ScanProgress.NONE).index();
            } catch (IOException e) {
                problem = "cannot index the piano-roll model's training corpus: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                model.close();
                throw new IOException("interrupted while indexing " + corpus, e);
            }
        }
        progress.accept(index != null ? "piano-roll memorisation index: " + index.sources().size()
                + " training pieces" : "no memorisation check for harmonize/infill: " + problem);
        return new RollModels(model, name, info.step(), index, problem, null);
    }

    private static String defaultConfig() throws IOException {
        String resource = org.partita.training.roll.RollModels.DEFAULT_RESOURCE + "config.json";
        try (InputStream in = RollModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the shipped piano-roll model is missing from the classpath (" + resource
                        + "); give --roll-model DIR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public boolean available() {
        return model != null;
    }

    /** The index of the training corpus, or null (see {@link #indexProblem()}). */
    MemorisationIndex index() {
        return index;
    }

    /** Why there is no index, or null. */
    String indexProblem() {
        return indexProblem;
    }

    /** Why there is no model, for a 503. */
    public String reason() {
        return reason;
    }

    /** For {@code /api/health}. */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", available());
        if (available()) {
            m.put("model", name);
            m.put("step", step);
            m.put("memorisation", PieceJson.index(index, indexProblem));
        } else {
            m.put("reason", reason);
        }
        return m;
    }

    /**
     * Candidates harmonising the first note track of {@code input} (it becomes the soprano); candidate {@code i}
     * uses seed {@code seed + i}. An interrupted thread (the time budget) stops at the next Gibbs step.
     *
     * @throws IllegalArgumentException with {@link RollHarmony}'s reason (no melody, range too wide)
     */
    List<Candidate> harmonize(Score input, RollRequest options) throws InterruptedException {
        List<Integer> programs = options.programs() == null ? RollHarmony.DEFAULT_PROGRAMS : options.programs();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < options.candidates(); i++) {
            checkInterrupted();
            RollHarmony.Result r = RollHarmony.harmonize(input, null, model, options.sampling(i), programs);
            out.add(new Candidate(r.score(), r.score().withTracks(r.score().tracks().subList(1, RollHarmony.VOICES)),
                    r.notes()));
        }
        return out;
    }

    /**
     * Candidates regenerating {@code options.voices()} in bars {@code firstBar..lastBar} of {@code input} (four
     * note tracks); candidate {@code i} uses seed {@code seed + i}.
     *
     * @throws IllegalArgumentException with {@link RollHarmony}'s reason (not four voices, bars outside)
     */
    List<Candidate> infill(Score input, RollRequest options) throws InterruptedException {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < options.candidates(); i++) {
            checkInterrupted();
            RollHarmony.Result r = RollHarmony.infill(input, options.firstBar(), options.lastBar(),
                    options.zeroBasedVoices(), model, options.sampling(i), options.programs());
            Score s = r.score();
            List<Track> regenerated = options.zeroBasedVoices().stream().sorted().map(v -> s.tracks().get(v)).toList();
            Score generated = s.withTracks(regenerated).clipped(s.timeGrid().barStartTick(options.firstBar() - 1),
                    s.timeGrid().barStartTick(options.lastBar()));
            out.add(new Candidate(s, generated, r.notes()));
        }
        return out;
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("over the time budget");
        }
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
