package org.partita.cli.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.partita.cli.pipeline.GenerateConfig;
import org.partita.cli.pipeline.GeneratedPiece;
import org.partita.cli.pipeline.GenerationResult;
import org.partita.cli.pipeline.MemorisationIndexing;
import org.partita.cli.pipeline.ModelRun;
import org.partita.cli.pipeline.PieceGeneration;
import org.partita.cli.pipeline.PieceOutputs;
import org.partita.cli.pipeline.Prompt;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.midi.audio.AudioOptions;
import org.partita.midi.scan.ScanProgress;
import org.partita.symbolic.Score;
import org.partita.training.Checkpoints;
import org.partita.training.GenerationConfig;
import org.partita.training.Generator;
import org.partita.training.TransformerModel;

/**
 * The token model the studio continues sketches with, loaded once, and a memorisation index of the corpus it
 * was trained on (the token corpus its checkpoint names), built once. Generation calls are not thread-safe:
 * {@link GenerationPool} runs them one at a time.
 */
public final class StudioModel implements AutoCloseable {

    /** Most new tokens per added bar (REMI's bar limit ends a sample sooner; this bounds a runaway one). */
    static final int TOKENS_PER_BAR = 256;

    private final ModelRun run;
    private final TransformerModel model;
    private final MemorisationIndex index;
    private final String indexProblem;
    private final int threads;

    private StudioModel(ModelRun run, TransformerModel model, MemorisationIndex index, String indexProblem,
                        int threads) {
        this.run = run;
        this.model = model;
        this.index = index;
        this.indexProblem = indexProblem;
        this.threads = threads;
    }

    /**
     * Opens the run or checkpoint directory {@code dir}, loads its parameters and indexes its training corpus,
     * telling {@code progress} what it is doing.
     *
     * @throws IOException naming what is missing where
     */
    public static StudioModel load(Path dir, int threads, Consumer<String> progress) throws IOException {
        progress.accept("opening model " + dir);
        ModelRun run = ModelRun.open(dir);
        progress.accept("loading " + run.checkpoint() + " (step " + run.info().step() + ", "
                + run.tokenizer().name() + " tokens)");
        TransformerModel model = Checkpoints.loadModel(run.checkpoint());
        Path corpus = Path.of(run.info().corpus().directory());
        MemorisationIndex index = null;
        String problem = null;
        if (!Files.isDirectory(corpus)) {
            problem = "the training corpus " + corpus + " named by " + run.checkpoint().resolve("config.json")
                    + " is not on this machine";
        } else {
            progress.accept("indexing the training corpus " + corpus + " for the memorisation check");
            try {
                index = MemorisationIndexing.build(List.of(corpus), MemorisationSettings.defaults(), 1,
                        ScanProgress.NONE).index();
            } catch (IOException e) {
                problem = "cannot index the training corpus: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                model.close();
                throw new IOException("interrupted while indexing " + corpus, e);
            }
        }
        progress.accept(index != null ? "memorisation index: " + index.sources().size() + " training pieces"
                : "no memorisation check: " + problem);
        return new StudioModel(run, model, index, problem, threads);
    }

    public ModelRun run() {
        return run;
    }

    /** The index of the training corpus, or null (see {@link #indexProblem()}). */
    public MemorisationIndex index() {
        return index;
    }

    /** Why there is no index, or null. */
    public String indexProblem() {
        return indexProblem;
    }

    /**
     * Candidates continuing all bars of {@code prompt} by {@code options.bars()} bars; candidate {@code i} is
     * sampled with seed {@code mix(seed, i)}, so the same options give the same candidates. MIDI files and a
     * summary go to {@code outDir}.
     */
    List<Score> continuePiece(Score prompt, int promptBars, ContinueOptions options, Path outDir, String name)
            throws IOException {
        Prompt opening = Prompt.of(prompt, promptBars, run.tokenizer(), name);
        GenerationConfig sampling = GenerationConfig.defaults()
                .withMaxNewTokens(TOKENS_PER_BAR * options.bars()).withTemperature(options.temperature())
                .withTopP(options.topP()).withSeed(options.seed()).withSamples(options.candidates());
        GenerateConfig config = new GenerateConfig(run.checkpoint(), null, promptBars, promptBars + options.bars(),
                sampling, new PieceOutputs(outDir, name, false, false, AudioOptions.defaults()), threads);
        GenerationResult result = PieceGeneration.run(config, run, opening, Generator.StepListener.NONE, model);
        List<Score> out = new ArrayList<>();
        for (GeneratedPiece p : result.pieces()) {
            out.add(p.score());
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
