package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.InputFile;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.cli.pipeline.ResourceGuards;
import org.partita.cli.pipeline.RunCorpus;
import org.partita.cli.pipeline.RunLock;
import org.partita.training.Checkpoints;
import org.partita.training.TokenCorpus;
import org.partita.training.TrainResult;
import org.partita.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code partita train}: trains a transformer on a token corpus directory, writing checkpoints and
 * {@code metrics.jsonl} to the run directory; progress on stderr, a summary on stdout.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a decoder-only transformer on a token corpus (index.json + shards). Writes "
                + "RUN_DIR/last, RUN_DIR/best (lowest validation loss) and RUN_DIR/metrics.jsonl. See docs/cli.md#train."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error", "  2  bad usage (options, train.json)",
                "  3  TOKENS_DIR is not a readable token corpus (missing or corrupt index.json or shards), --resume "
                        + "finds no checkpoint, or the corpus is not the run's"})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TOKENS_DIR", description = "Token corpus directory.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "Run directory (created).")
    private Path out;

    @Option(names = "--config", paramLabel = "train.json",
            description = "{\"model\": {TransformerConfig keys}, \"training\": {TrainConfig keys}}, each key optional; "
                    + "overlays the defaults. Unknown keys are errors.")
    private Path config;

    @Option(names = "--steps", paramLabel = "N", description = "Total optimizer steps (overrides train.json).")
    private Integer steps;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch intra-op threads, 0 = all cores (overrides train.json). On a busy machine 1 can "
                    + "be much faster than 2.")
    private Integer threads;

    @Option(names = "--stop-after", paramLabel = "STEP",
            description = "End this invocation after STEP (writing last/); continue later with --resume.")
    private Integer stopAfter;

    @Option(names = "--resume", description = "Continue the run in RUN_DIR from its last/ checkpoint, with the "
            + "configuration saved there.")
    private boolean resume;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (resume && (config != null || steps != null || threads != null)) {
            throw usage("--resume continues with the configuration saved in " + out
                    + "; drop --config, --steps and --threads");
        }
        if (stopAfter != null && stopAfter < 1) {
            throw usage("--stop-after must be >= 1, got " + stopAfter);
        }
        try {
            OutputTarget.checkDirectory(out, "--out");
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        boolean hasCheckpoint = Checkpoints.find(out, Checkpoints.LAST) != null;
        if (resume && !hasCheckpoint) {
            err.println("train: --resume: no checkpoint in " + out + " (expected " + out.resolve(Checkpoints.LAST) + ")");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (!resume && hasCheckpoint) {
            throw usage(out + " already holds a run; add --resume to continue it or choose another --out");
        }
        TokenCorpus corpus;
        try {
            corpus = TokenCorpus.open(data);
        } catch (IOException | RuntimeException e) {
            err.println("train: cannot read token corpus " + data + ": " + ErrorHandler.describe(e));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        TrainSettings settings = resume ? null : settings(corpus.index().vocabSize());
        RunLock lock;
        try {
            lock = RunLock.acquire(out);
        } catch (IllegalStateException e) {
            err.println("train: " + e.getMessage());
            err.flush();
            return ExitCodes.ERROR;
        }
        try (lock; TrainProgressDisplay display = new TrainProgressDisplay(err, ProgressDisplay.stderrIsInteractiveTerminal())) {
            // checked again under the lock: another train may have written a checkpoint since the first look
            Path last = Checkpoints.find(out, Checkpoints.LAST);
            if (!resume && last != null) {
                throw usage(out + " already holds a run; add --resume to continue it or choose another --out");
            }
            if (resume) {
                try {
                    RunCorpus.check(last, Checkpoints.readInfo(last), corpus, "--data");
                } catch (IllegalArgumentException e) {
                    err.println("train: --resume: " + e.getMessage());
                    err.flush();
                    return ExitCodes.BAD_INPUT;
                }
            }
            Trainer trainer = new Trainer(corpus, out).optListener(display);
            if (stopAfter != null) {
                trainer.optStopAfterStep(stopAfter);
            }
            long start = System.nanoTime();
            TrainResult r = resume ? trainer.resume() : trainer.train(settings.model(), settings.training());
            display.close();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("train: step %d, %s, best validation loss %s; %s in %s%n", r.step(),
                    Double.isNaN(r.lastLoss()) ? "no step left to train (the run had already reached it)"
                            : String.format("last training loss %.4f", r.lastLoss()), Double.isNaN(r.bestValidationLoss()) ? "none" : String.format("%.4f (perplexity %.3f)",
                            r.bestValidationLoss(), Math.exp(r.bestValidationLoss())),
                    out, TrainProgressDisplay.duration((System.nanoTime() - start) / 1e9));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private TrainSettings settings(int vocabSize) throws IOException {
        String json = null;
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw usage("--config: no such file " + config);
            }
            json = InputFile.readString(config, limitOptions.get().inputBytes());
        }
        try {
            TrainSettings s = TrainSettings.of(vocabSize, json);
            var training = s.training();
            if (steps != null) {
                training = training.withSteps(steps);
            }
            if (threads != null) {
                training = training.withThreads(threads);
            }
            if (s.model().vocabSize() != vocabSize) {
                throw new IllegalArgumentException("model.vocabSize " + s.model().vocabSize()
                        + " differs from the corpus vocabulary size " + vocabSize);
            }
            ResourceGuards.checkModel(s.model(), limitOptions.get());
            return new TrainSettings(s.model(), training);
        } catch (IllegalArgumentException e) {
            throw usage((config == null ? "" : config + ": ") + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
