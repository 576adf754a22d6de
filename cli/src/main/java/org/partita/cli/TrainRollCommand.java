package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.RollFiles;
import org.partita.training.Checkpoints;
import org.partita.training.TrainResult;
import org.partita.training.roll.RollTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code partita train-roll}: trains the Coconet-style piano-roll model on 4-voice MIDI files, writing checkpoints
 * and {@code metrics.jsonl} to the run directory; progress on stderr, a summary on stdout.
 */
@Command(name = "train-roll", mixinStandardHelpOptions = true,
        description = {"Train the piano-roll (Coconet-style) model on multi-voice MIDI files (one monophonic voice "
                + "per track, e.g. SATB chorales). Writes RUN_DIR/last, RUN_DIR/best and RUN_DIR/metrics.jsonl. "
                + "See docs/pianoroll-model.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done (files the model cannot use are listed on stderr)", "  1  other error",
                "  2  bad usage", "  3  no usable piece in DIR"})
public final class TrainRollCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "MIDI files or directories.")
    private List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "Run directory (created).")
    private Path out;

    @Option(names = "--config", paramLabel = "roll.json",
            description = "{\"model\": {RollModelConfig keys}, \"training\": {TrainConfig keys}}, each key optional.")
    private Path config;

    @Option(names = "--steps", paramLabel = "N", description = "Total optimizer steps (overrides roll.json).")
    private Integer steps;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads, 0 = all cores.")
    private Integer threads;

    @Option(names = "--stop-after", paramLabel = "STEP", description = "End after STEP (writing last/); continue with --resume.")
    private Integer stopAfter;

    @Option(names = "--resume", description = "Continue the run in RUN_DIR from last/ with its saved configuration.")
    private boolean resume;

    @Option(names = "--recalibrate", paramLabel = "CHECKPOINT_DIR",
            description = "Instead of training: reset the batch-norm population statistics of this checkpoint (e.g. "
                    + "RUN_DIR/best) to averages over training batches of --data, rewriting its params.bin.")
    private Path recalibrate;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (recalibrate != null) {
            RollFiles.Loaded loaded = RollFiles.load(data, 4);
            new RollTrainer(loaded.corpus(), data.toString(), out).recalibrateCheckpoint(recalibrate);
            spec.commandLine().getOut().println("train-roll: recalibrated " + recalibrate.resolve("params.bin"));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (resume && (config != null || steps != null || threads != null)) {
            throw usage("--resume continues with the configuration saved in " + out + "; drop --config, --steps and --threads");
        }
        if (stopAfter != null && stopAfter < 1) {
            throw usage("--stop-after must be >= 1, got " + stopAfter);
        }
        boolean hasCheckpoint = Checkpoints.find(out, Checkpoints.LAST) != null;
        if (resume && !hasCheckpoint) {
            throw usage("--resume: no checkpoint in " + out);
        }
        if (!resume && hasCheckpoint) {
            throw usage(out + " already holds a run; add --resume to continue it or choose another --out");
        }
        RollTrainSettings settings = resume ? null : settings();
        RollFiles.Loaded loaded = RollFiles.load(data, 4);
        for (String p : loaded.problems()) {
            err.println("train-roll: skipped " + p);
        }
        if (loaded.corpus().size() == 0) {
            err.println("train-roll: no usable 4-voice piece in " + data);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.printf("train-roll: %d pieces (%d skipped, %d steps with chords reduced to their top note)%n",
                loaded.corpus().size(), loaded.problems().size(), loaded.corpus().chordSteps());
        err.flush();
        String dataName = data.size() == 1 ? data.get(0).toAbsolutePath().normalize().toString() : data.toString();
        try (TrainProgressDisplay display = new TrainProgressDisplay(err, ProgressDisplay.stderrIsInteractiveTerminal())) {
            RollTrainer trainer = new RollTrainer(loaded.corpus(), dataName, out).optListener(display);
            if (stopAfter != null) {
                trainer.optStopAfterStep(stopAfter);
            }
            long start = System.nanoTime();
            TrainResult r = resume ? trainer.resume() : trainer.train(settings.model(), settings.training());
            display.close();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("train-roll: step %d, last training loss %.4f, best validation loss %s nats per erased cell; %s in %s%n",
                    r.step(), r.lastLoss(), Double.isNaN(r.bestValidationLoss()) ? "none"
                            : String.format("%.4f", r.bestValidationLoss()),
                    out, TrainProgressDisplay.duration((System.nanoTime() - start) / 1e9));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private RollTrainSettings settings() throws IOException {
        String json = null;
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw usage("--config: no such file " + config);
            }
            json = Files.readString(config);
        }
        try {
            RollTrainSettings s = RollTrainSettings.of(json);
            var training = s.training();
            if (steps != null) {
                training = training.withSteps(steps);
            }
            if (threads != null) {
                training = training.withThreads(threads);
            }
            return new RollTrainSettings(s.model(), training);
        } catch (IllegalArgumentException e) {
            throw usage((config == null ? "" : config + ": ") + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
