package org.partita.training.roll;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.partita.training.AdamW;
import org.partita.training.Checkpoints;
import org.partita.training.DataSplit;
import org.partita.training.DjlRuntime;
import org.partita.training.MetricsLog;
import org.partita.training.TrainConfig;
import org.partita.training.TrainResult;
import org.partita.training.TrainingListener;
import org.partita.training.Versions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link RollModel} on a {@link RollCorpus} with the run-directory layout of the token trainer
 * ({@code metrics.jsonl}, atomic {@code last/} and {@code best/} checkpoints holding {@code config.json},
 * {@code params.bin}, {@code optimizer.bin}). Adam(W) with warm-up and cosine decay, gradient clipping, validation
 * every {@code evalEvery} steps on fixed masked crops of held-out pieces.
 *
 * <p>Resume guarantee: batches are a function of (seed, step), and the checkpoint holds the weights, batch-norm
 * population statistics and optimizer moments, so on the same machine and thread count a resumed run's losses
 * equal an uninterrupted run's bit for bit. Not thread-safe; one run per instance.
 */
public final class RollTrainer {
    private final RollCorpus corpus;
    private final String corpusDirectory;
    private final Path runDir;
    private TrainingListener listener = TrainingListener.NONE;
    private int stopAfterStep = Integer.MAX_VALUE;

    public RollTrainer(RollCorpus corpus, String corpusDirectory, Path runDir) {
        if (corpus.size() == 0) {
            throw new IllegalArgumentException("no usable pieces in " + corpusDirectory);
        }
        this.corpus = corpus;
        this.corpusDirectory = corpusDirectory;
        this.runDir = runDir;
    }

    public RollTrainer optListener(TrainingListener listener) {
        this.listener = listener;
        return this;
    }

    /** Ends this run after {@code step} (writing {@code last/}), leaving the rest of the schedule to a resume. */
    public RollTrainer optStopAfterStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("stopAfterStep must be >= 1, got " + step);
        }
        this.stopAfterStep = step;
        return this;
    }

    /** Trains a new model. Refuses a run directory that already holds a checkpoint. */
    public TrainResult train(RollModelConfig modelConfig, TrainConfig config) throws IOException {
        if (modelConfig.voices() != corpus.voices()) {
            throw new IllegalArgumentException("model has " + modelConfig.voices() + " voices, corpus " + corpus.voices());
        }
        if (Checkpoints.find(runDir, Checkpoints.LAST) != null) {
            throw new IllegalArgumentException("run directory " + runDir + " already holds a checkpoint; resume it instead");
        }
        Files.createDirectories(runDir);
        Files.deleteIfExists(runDir.resolve("metrics.jsonl"));
        DjlRuntime.engine(config.effectiveThreads());
        DataSplit split = DataSplit.of(corpus.size(), config.validationFraction(), config.seed());
        try (RollModel model = RollModel.create(modelConfig, config.seed());
             AdamW optimizer = newOptimizer(model, config)) {
            return runSteps(model, optimizer, config, split, 0, Double.NaN, 0);
        }
    }

    /** Continues the run in {@code runDir} from its {@code last/} checkpoint. */
    public TrainResult resume() throws IOException {
        Path last = Checkpoints.find(runDir, Checkpoints.LAST);
        if (last == null) {
            throw new IOException("no checkpoint to resume in " + runDir);
        }
        RollCheckpointInfo info = RollModels.readInfo(last);
        TrainConfig config = info.training();
        DjlRuntime.engine(config.effectiveThreads());
        DataSplit split = DataSplit.of(corpus.size(), config.validationFraction(), config.seed());
        if (corpus.size() != info.split().pieceCount() || !sources(split).equals(info.split().validationSources())) {
            throw new IllegalArgumentException("corpus " + corpusDirectory + " is not the one this run used ("
                    + corpus.size() + " pieces now, " + info.split().pieceCount() + " then, or other held-out pieces)");
        }
        MetricsLog.truncate(runDir.resolve("metrics.jsonl"), info.step());
        try (RollModel model = RollModel.load(info.model(), last.resolve("params.bin"));
             AdamW optimizer = newOptimizer(model, config)) {
            optimizer.load(last.resolve("optimizer.bin"), info.step());
            double best = info.bestValidationLoss() == null ? Double.NaN : info.bestValidationLoss();
            return runSteps(model, optimizer, config, split, info.step(), best, info.bestStep());
        }
    }

    private static AdamW newOptimizer(RollModel model, TrainConfig c) {
        return new AdamW(model.parameters(), c.beta1(), c.beta2(), c.epsilon(), c.weightDecay());
    }

    private TrainResult runSteps(RollModel model, AdamW optimizer, TrainConfig config, DataSplit split, int startStep,
                                 double bestLoss, int bestStep) throws IOException {
        RollBatches batches = new RollBatches(corpus, split, model.config().cropSteps(), config.seed());
        List<RollBatch> validation = batches.validationBatches(config.batchSize(), config.evalWindows());
        int endStep = Math.min(config.steps(), stopAfterStep);
        long runStart = System.nanoTime();
        long windowStart = runStart;
        double lossSum = 0;
        int lossCount = 0;
        double loss = Double.NaN;
        int lastLogged = startStep;
        int skipped = 0; // steps whose gradient was not finite (not applied; see AdamW.update)
        Path lastDir = Checkpoints.find(runDir, Checkpoints.LAST);
        Path bestDir = Checkpoints.find(runDir, Checkpoints.BEST);
        try (BufferedWriter metrics = Files.newBufferedWriter(runDir.resolve("metrics.jsonl"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int step = startStep + 1; step <= endStep; step++) {
                double lr = config.learningRateAt(step);
                double[] r = trainStep(model, optimizer, batches.trainBatch(config.batchSize(), step), lr, config.gradClip());
                if (Double.isFinite(r[1])) {
                    loss = r[0];
                    lossSum += r[0];
                    lossCount++;
                } else {
                    skipped++;
                }
                if (step % config.logEvery() == 0 || step == endStep) {
                    long now = System.nanoTime();
                    int done = step - startStep - (lastLogged - startStep);
                    double examplesPerSecond = done * (double) config.batchSize() / ((now - windowStart) / 1e9);
                    double perStep = (now - runStart) / 1e9 / (step - startStep);
                    var progress = new TrainingListener.TrainingProgress(step, config.steps(),
                            lossCount == 0 ? Double.NaN : lossSum / lossCount,
                            lr, r[1], examplesPerSecond * model.config().cropSteps() * model.config().voices(),
                            perStep * (config.steps() - step));
                    MetricsLog.line(metrics, Map.of("kind", "train", "step", step, "loss", progress.loss(),
                            "learningRate", lr, "gradNorm", r[1], "examplesPerSecond", examplesPerSecond,
                            "skippedSteps", skipped));
                    listener.onProgress(progress);
                    windowStart = now;
                    lastLogged = step;
                    lossSum = 0;
                    lossCount = 0;
                }
                boolean validate = !validation.isEmpty()
                        && ((config.evalEvery() > 0 && step % config.evalEvery() == 0) || step == config.steps());
                boolean improved = false;
                if (validate) {
                    model.recalibrate(calibrationBatches(batches, config.batchSize()));
                    double v = evaluate(model, validation);
                    improved = Double.isNaN(bestLoss) || v < bestLoss;
                    if (improved) {
                        bestLoss = v;
                        bestStep = step;
                    }
                    int examples = validation.stream().mapToInt(RollBatch::size).sum();
                    MetricsLog.line(metrics, Map.of("kind", "validation", "step", step, "loss", v, "examples", examples));
                    listener.onValidation(new TrainingListener.ValidationResult(step, v, Math.exp(v), examples, improved));
                }
                metrics.flush();
                RollCheckpointInfo info = info(model, config, split, step, bestLoss, bestStep);
                if (improved) {
                    bestDir = write(Checkpoints.BEST, info, model, optimizer);
                    listener.onCheckpoint(step, bestDir);
                }
                if ((config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) || step == endStep) {
                    lastDir = write(Checkpoints.LAST, info, model, optimizer);
                    listener.onCheckpoint(step, lastDir);
                }
            }
        }
        return new TrainResult(Math.max(startStep, endStep), loss, bestLoss, lastDir, bestDir);
    }

    private static final int CALIBRATION_BATCHES = 16;

    /** Fixed training batches (drawn from a stream of negative step numbers) for {@link RollModel#recalibrate}. */
    static List<RollBatch> calibrationBatches(RollBatches batches, int batchSize) {
        List<RollBatch> out = new ArrayList<>();
        for (int k = 1; k <= CALIBRATION_BATCHES; k++) {
            out.add(batches.trainBatch(batchSize, -k));
        }
        return out;
    }

    /**
     * Recalibrates the batch-norm population statistics of the checkpoint in {@code checkpointDir} on training
     * batches of this trainer's corpus and rewrites its {@code params.bin}.
     */
    public void recalibrateCheckpoint(Path checkpointDir) throws IOException {
        RollCheckpointInfo info = RollModels.readInfo(checkpointDir);
        DjlRuntime.engine(info.training().effectiveThreads());
        DataSplit split = DataSplit.of(corpus.size(), info.training().validationFraction(), info.training().seed());
        RollBatches batches = new RollBatches(corpus, split, info.model().cropSteps(), info.training().seed());
        try (RollModel model = RollModel.load(info.model(), checkpointDir.resolve("params.bin"))) {
            model.recalibrate(calibrationBatches(batches, info.training().batchSize()));
            model.save(checkpointDir.resolve("params.bin"));
        }
    }

    /** One optimizer step; returns {loss, gradient norm}. */
    static double[] trainStep(RollModel model, AdamW optimizer, RollBatch batch, double lr, double clip) {
        try (NDManager scope = model.newScope()) {
            NDArray loss;
            try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
                NDArray logits = model.forward(model.input(scope, batch.classes(), batch.erased()), true);
                loss = RollModel.maskedLoss(logits, targets(scope, batch), erased(scope, batch));
                gc.backward(loss);
            }
            double value = loss.getFloat();
            double norm = optimizer.update(model.parameters(), lr, clip, scope);
            return new double[] {value, norm};
        }
    }

    /** Mean over examples of the mean NLL (nats) per erased cell, evaluation mode. */
    static double evaluate(RollModel model, List<RollBatch> batches) {
        double sum = 0;
        int n = 0;
        for (RollBatch b : batches) {
            try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = model.newScope()) {
                NDArray logits = model.forward(model.input(scope, b.classes(), b.erased()), false);
                sum += RollModel.maskedLoss(logits, targets(scope, b), erased(scope, b)).getFloat() * b.size();
                n += b.size();
            }
        }
        return sum / n;
    }

    static NDArray targets(NDManager scope, RollBatch b) {
        int n = b.size();
        int voices = b.classes()[0].length;
        int steps = b.classes()[0][0].length;
        long[] flat = new long[n * voices * steps];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < voices; v++) {
                for (int t = 0; t < steps; t++) {
                    flat[(i * voices + v) * steps + t] = b.classes()[i][v][t];
                }
            }
        }
        return RollModel.ownedCopy(scope.create(flat, new Shape(n, voices, steps)));
    }

    static NDArray erased(NDManager scope, RollBatch b) {
        int n = b.size();
        int voices = b.erased()[0].length;
        int steps = b.erased()[0][0].length;
        float[] flat = new float[n * voices * steps];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < voices; v++) {
                for (int t = 0; t < steps; t++) {
                    flat[(i * voices + v) * steps + t] = b.erased()[i][v][t] ? 1f : 0f;
                }
            }
        }
        return RollModel.ownedCopy(scope.create(flat, new Shape(n, voices, steps)));
    }

    private Path write(String name, RollCheckpointInfo info, RollModel model, AdamW optimizer) throws IOException {
        return Checkpoints.write(runDir, name, info.toJson(), dir -> {
            model.save(dir.resolve("params.bin"));
            optimizer.save(dir.resolve("optimizer.bin"));
        });
    }

    private RollCheckpointInfo info(RollModel model, TrainConfig config, DataSplit split, int step, double bestLoss,
                                    int bestStep) {
        return new RollCheckpointInfo(RollCheckpointInfo.FORMAT_VERSION, RollCheckpointInfo.KIND, model.config(),
                config, step, Double.isNaN(bestLoss) ? null : bestLoss, bestStep,
                new RollCheckpointInfo.Split(split.seed(), split.validationFraction(), corpus.size(), sources(split)),
                corpusDirectory, "per-step: batch SplittableRandom(mix(seed, step)) picks piece, transposition, "
                        + "crop and mask; validation masks SplittableRandom(mix(seed ^ 0x7A11DA7E, example))",
                Versions.current(), GIT_COMMIT);
    }

    private static final String GIT_COMMIT = Versions.gitCommit();

    private List<String> sources(DataSplit split) {
        List<String> out = new ArrayList<>();
        for (int f : split.validationFiles()) {
            out.add(corpus.sources().get(f));
        }
        return out;
    }
}
