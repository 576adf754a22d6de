package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link TransformerModel} on a {@link TokenCorpus}: AdamW, warm-up then cosine decay, gradient
 * clipping, validation every {@code evalEvery} steps, {@code metrics.jsonl}, atomic {@code last/} and
 * {@code best/} checkpoints (layout in {@link Checkpoints}).
 *
 * <p>Resume guarantee: {@link #resume()} restores parameters, AdamW moments and step, and the data/dropout
 * randomness is a function of (seed, step), so on the same machine and thread count the losses after a resume
 * equal those of an uninterrupted run bit for bit.
 *
 * <p>Native memory: each step runs in a sub-manager closed at its end. Not thread-safe; one run per instance.
 */
public final class Trainer {
    private static final long DROPOUT_SALT = 0x5DEECE66DL;

    private final TokenCorpus corpus;
    private final Path runDir;
    private Augmentation augmentation = Augmentation.NONE;
    private WindowStarts windowStarts;
    private TrainingListener listener = TrainingListener.NONE;
    private int stopAfterStep = Integer.MAX_VALUE;

    public Trainer(TokenCorpus corpus, Path runDir) {
        this.corpus = corpus;
        this.runDir = runDir;
    }

    /** Applies {@code augmentation} to every training window. */
    public Trainer optAugmentation(Augmentation augmentation) {
        this.augmentation = augmentation;
        return this;
    }

    /** Starts training windows only at the offsets {@code windowStarts} gives (e.g. bar starts). */
    public Trainer optWindowStarts(WindowStarts windowStarts) {
        this.windowStarts = windowStarts;
        return this;
    }

    public Trainer optListener(TrainingListener listener) {
        this.listener = listener;
        return this;
    }

    /** Ends this run after {@code step} (writing {@code last/}), leaving the rest of the schedule to a resume. */
    public Trainer optStopAfterStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("stopAfterStep must be >= 1, got " + step);
        }
        this.stopAfterStep = step;
        return this;
    }

    /** Trains a new model from scratch. Refuses a run directory that already holds a checkpoint. */
    public TrainResult train(TransformerConfig modelConfig, TrainConfig config) throws IOException {
        TokenCorpusIndex index = corpus.index();
        if (modelConfig.vocabSize() != index.vocabSize()) {
            throw new IllegalArgumentException("model vocabSize " + modelConfig.vocabSize()
                    + " differs from the corpus vocabSize " + index.vocabSize() + " (" + corpus.directory() + ")");
        }
        if (Checkpoints.find(runDir, Checkpoints.LAST) != null) {
            throw new IllegalArgumentException("run directory " + runDir + " already holds a checkpoint; use resume()");
        }
        Files.createDirectories(runDir);
        Files.deleteIfExists(runDir.resolve("metrics.jsonl"));
        DjlRuntime.engine(config.effectiveThreads());
        DataSplit split = DataSplit.of(corpus.fileCount(), config.validationFraction(), config.seed());
        try (TransformerModel model = TransformerModel.create(modelConfig, config.seed());
             AdamW optimizer = newOptimizer(model, config)) {
            return run(model, optimizer, config, split, 0, Double.NaN, 0);
        }
    }

    /** Continues the run in {@code runDir} from its {@code last/} checkpoint. */
    public TrainResult resume() throws IOException {
        Path last = Checkpoints.find(runDir, Checkpoints.LAST);
        if (last == null) {
            throw new IOException("no checkpoint to resume in " + runDir);
        }
        CheckpointInfo info = Checkpoints.readInfo(last);
        TrainConfig config = info.training();
        DjlRuntime.engine(config.effectiveThreads());
        DataSplit split = DataSplit.of(corpus.fileCount(), config.validationFraction(), config.seed());
        List<String> sources = sources(split.validationFiles());
        if (corpus.fileCount() != info.split().fileCount() || !sources.equals(info.split().validationSources())) {
            throw new IllegalArgumentException("corpus " + corpus.directory() + " is not the one this run used ("
                    + corpus.fileCount() + " files now, " + info.split().fileCount() + " then, or other held-out files)");
        }
        truncateMetrics(info.step());
        try (TransformerModel model = TransformerModel.load(info.model(), last.resolve("params.bin"));
             AdamW optimizer = newOptimizer(model, config)) {
            optimizer.load(last.resolve("optimizer.bin"), info.step());
            double best = info.bestValidationLoss() == null ? Double.NaN : info.bestValidationLoss();
            return run(model, optimizer, config, split, info.step(), best, info.bestStep());
        }
    }

    private static AdamW newOptimizer(TransformerModel model, TrainConfig c) {
        return new AdamW(model.parameters(), c.beta1(), c.beta2(), c.epsilon(), c.weightDecay());
    }

    private TrainResult run(TransformerModel model, AdamW optimizer, TrainConfig config, DataSplit split,
                            int startStep, double bestLoss, int bestStep) throws IOException {
        int contextLength = model.config().contextLength();
        TokenWindows windows = new TokenWindows(corpus, split, contextLength, config.seed(), augmentation, windowStarts);
        List<int[]> validation = windows.validationWindows(config.evalWindows());
        int padId = corpus.index().padId();
        int endStep = Math.min(config.steps(), stopAfterStep);
        long runStart = System.nanoTime();
        long windowStart = runStart;
        double lossSum = 0;
        int lossCount = 0;
        double loss = Double.NaN;
        Path lastDir = Checkpoints.find(runDir, Checkpoints.LAST);
        Path bestDir = Checkpoints.find(runDir, Checkpoints.BEST);
        DropoutMasks dropout = new DropoutMasks(model.config().dropout()); // buffers reused across steps
        try (BufferedWriter metrics = Files.newBufferedWriter(runDir.resolve("metrics.jsonl"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int step = startStep + 1; step <= endStep; step++) {
                double lr = config.learningRateAt(step);
                int[][] batch = windows.trainBatch(config.batchSize(), step);
                dropout.startStep(Seeds.mix(config.seed() ^ DROPOUT_SALT, step));
                StepResult r = trainStep(model, optimizer, batch, padId, lr, config.gradClip(), dropout);
                loss = r.loss;
                lossSum += r.loss;
                lossCount++;
                if (step % config.logEvery() == 0 || step == endStep) {
                    long now = System.nanoTime();
                    double tokensPerSecond = lossCount * (double) config.batchSize() * contextLength
                            / ((now - windowStart) / 1e9);
                    double perStep = (now - runStart) / 1e9 / (step - startStep);
                    var progress = new TrainingListener.TrainingProgress(step, config.steps(), lossSum / lossCount,
                            lr, r.gradNorm, tokensPerSecond, perStep * (config.steps() - step));
                    metricsLine(metrics, Map.of("kind", "train", "step", step, "loss", progress.loss(),
                            "learningRate", lr, "gradNorm", r.gradNorm, "tokensPerSecond", tokensPerSecond));
                    listener.onProgress(progress);
                    windowStart = now;
                    lossSum = 0;
                    lossCount = 0;
                }
                boolean validate = !validation.isEmpty()
                        && ((config.evalEvery() > 0 && step % config.evalEvery() == 0) || step == config.steps());
                boolean improved = false;
                if (validate) {
                    double v = evaluate(model, validation, config.batchSize(), padId);
                    improved = Double.isNaN(bestLoss) || v < bestLoss;
                    if (improved) {
                        bestLoss = v;
                        bestStep = step;
                    }
                    metricsLine(metrics, Map.of("kind", "validation", "step", step, "loss", v,
                            "perplexity", Math.exp(v), "windows", validation.size()));
                    listener.onValidation(new TrainingListener.ValidationResult(step, v, Math.exp(v),
                            validation.size(), improved));
                }
                metrics.flush();
                if (improved) {
                    bestDir = Checkpoints.write(runDir, Checkpoints.BEST,
                            info(model, config, split, step, bestLoss, bestStep), model, optimizer, corpus.tokenizerFile());
                    listener.onCheckpoint(step, bestDir);
                }
                if ((config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) || step == endStep) {
                    lastDir = Checkpoints.write(runDir, Checkpoints.LAST,
                            info(model, config, split, step, bestLoss, bestStep), model, optimizer, corpus.tokenizerFile());
                    listener.onCheckpoint(step, lastDir);
                }
            }
        }
        return new TrainResult(Math.max(startStep, endStep), loss, bestLoss, lastDir, bestDir);
    }

    record StepResult(double loss, double gradNorm) {}

    static StepResult trainStep(TransformerModel model, AdamW optimizer, int[][] batch, int padId,
                                double lr, double clip, DropoutMasks dropout) {
        try (NDManager scope = model.newScope()) {
            Targets t = Targets.of(model, scope, batch, padId);
            NDArray loss;
            try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
                NDArray logits = model.forward(scope, t.inputs, 0, null, dropout, false, false).logits();
                loss = crossEntropySum(logits, t.targets, t.mask).div(t.count);
                gc.backward(loss);
            }
            double value = loss.getFloat();
            double norm = optimizer.update(model.parameters(), lr, clip, scope);
            return new StepResult(value, norm);
        }
    }

    /** Mean loss in nats over the non-PAD targets of {@code windows}, evaluation mode. */
    static double evaluate(TransformerModel model, List<int[]> windows, int batchSize, int padId) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < windows.size(); i += batchSize) {
            int[][] batch = windows.subList(i, Math.min(windows.size(), i + batchSize)).toArray(new int[0][]);
            try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad(); NDManager scope = model.newScope()) {
                Targets t = Targets.of(model, scope, batch, padId);
                NDArray logits = model.forward(scope, t.inputs, 0, null, null, false, false).logits();
                sum += crossEntropySum(logits, t.targets, t.mask).getFloat();
                count += t.count;
            }
        }
        return sum / count;
    }

    /** Sum over positions of {@code -log p(target)} where {@code mask} is 1. */
    private static NDArray crossEntropySum(NDArray logits, NDArray targets, NDArray mask) {
        NDArray logp = logits.logSoftmax(2); // (B, T, V)
        NDArray picked = logp.gather(targets.expandDims(2), 2).squeeze(2); // (B, T)
        return picked.mul(mask).sum().neg();
    }

    /** Inputs {@code (B, T)}, targets {@code (B, T)} shifted by one, mask of non-PAD targets, their count. */
    private record Targets(NDArray inputs, NDArray targets, NDArray mask, int count) {
        static Targets of(TransformerModel model, NDManager scope, int[][] windows, int padId) {
            int b = windows.length;
            int t = windows[0].length - 1;
            int[][] in = new int[b][t];
            int[][] out = new int[b][t];
            float[] mask = new float[b * t];
            int count = 0;
            for (int i = 0; i < b; i++) {
                System.arraycopy(windows[i], 0, in[i], 0, t);
                System.arraycopy(windows[i], 1, out[i], 0, t);
                for (int j = 0; j < t; j++) {
                    boolean real = out[i][j] != padId;
                    mask[i * t + j] = real ? 1f : 0f;
                    count += real ? 1 : 0;
                }
            }
            return new Targets(model.toBatch(scope, in), model.toBatch(scope, out),
                    scope.create(mask, new ai.djl.ndarray.types.Shape(b, t)), Math.max(1, count));
        }
    }

    private CheckpointInfo info(TransformerModel model, TrainConfig config, DataSplit split, int step,
                                double bestLoss, int bestStep) {
        TokenCorpusIndex index = corpus.index();
        return new CheckpointInfo(CheckpointInfo.FORMAT_VERSION, model.config(), config, step,
                Double.isNaN(bestLoss) ? null : bestLoss, bestStep,
                new CheckpointInfo.Split(split.seed(), split.validationFraction(), corpus.fileCount(),
                        split.validationFiles(), sources(split.validationFiles())),
                new CheckpointInfo.Corpus(corpus.directory().toAbsolutePath().toString(), index.vocabSize(),
                        index.bosId(), index.eosId(), index.padId(), index.framing()),
                new CheckpointInfo.Rng("per-step: windows SplittableRandom(mix(seed, step)); "
                        + "dropout masks SplittableRandom(mix(seed ^ 0x5DEECE66D, step))", config.seed(), step),
                Versions.current(), GIT_COMMIT);
    }

    private static final String GIT_COMMIT = Versions.gitCommit();

    private List<String> sources(List<Integer> files) {
        List<String> out = new ArrayList<>();
        for (int f : files) {
            out.add(corpus.index().files().get(f).source());
        }
        return out;
    }

    private static void metricsLine(BufferedWriter w, Map<String, Object> fields) throws IOException {
        MetricsLog.line(w, fields);
    }

    /** Drops metric lines after {@code step}: they belong to work lost since the checkpoint. */
    private void truncateMetrics(int step) throws IOException {
        MetricsLog.truncate(runDir.resolve("metrics.jsonl"), step);
    }
}
