package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.RunCorpus;
import org.partita.training.CheckpointInfo;
import org.partita.training.Checkpoints;
import org.partita.training.TokenCorpus;
import org.partita.training.TrainConfig;
import org.partita.training.TransformerConfig;
import org.partita.training.baseline.Baselines;
import org.partita.training.baseline.Perplexity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code partita baseline}: per-token perplexity of an add-one unigram and an interpolated Kneser-Ney n-gram
 * model on exactly the validation tokens {@code partita train} scores, printed as a table.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Perplexity of simple token models (add-one unigram, interpolated Kneser-Ney n-gram) on the "
                + "validation windows a training run scores: same split, same windows, fitted on the training files "
                + "only. With --run, split and windows come from that run's checkpoint and its best validation "
                + "perplexity is shown alongside."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error", "  2  bad usage", "  3  TOKENS_DIR is not a readable token corpus, --run has no checkpoint, or the "
                + "corpus is not the run's"})
public final class BaselineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TOKENS_DIR", description = "Token corpus directory.")
    private Path data;

    @Option(names = "--run", paramLabel = "RUN_DIR",
            description = "Take seed, validation fraction, context length and window cap from RUN_DIR's best/ "
                    + "(or last/) checkpoint and compare with its validation perplexity.")
    private Path run;

    @Option(names = "--split-seed", paramLabel = "S", description = "Seed of the split (default: the training default).")
    private Long splitSeed;

    @Option(names = "--validation-fraction", paramLabel = "F", description = "Held-out share of files.")
    private Double validationFraction;

    @Option(names = "--context", paramLabel = "T", description = "Context length of the windows.")
    private Integer contextLength;

    @Option(names = "--eval-windows", paramLabel = "N", description = "Cap on validation windows.")
    private Integer evalWindows;

    @Option(names = "--order", paramLabel = "N", defaultValue = "4",
            description = "n of the Kneser-Ney n-gram; default: ${DEFAULT-VALUE}.")
    private int order;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TrainConfig training = TrainConfig.defaults();
        int context = TransformerConfig.defaults().contextLength();
        Double runLoss = null;
        Integer runStep = null;
        if (run != null) {
            Path checkpoint = Checkpoints.find(run, Checkpoints.BEST);
            checkpoint = checkpoint != null ? checkpoint : Checkpoints.find(run, Checkpoints.LAST);
            if (checkpoint == null) {
                err.println("baseline: --run: no checkpoint in " + run);
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            CheckpointInfo info = Checkpoints.readInfo(checkpoint);
            training = info.training();
            context = info.model().contextLength();
            runLoss = info.bestValidationLoss();
            runStep = info.bestStep();
        }
        long seed = splitSeed != null ? splitSeed : training.seed();
        double fraction = validationFraction != null ? validationFraction : training.validationFraction();
        context = contextLength != null ? contextLength : context;
        int windows = evalWindows != null ? evalWindows : training.evalWindows();
        TokenCorpus corpus;
        try {
            corpus = TokenCorpus.open(data);
        } catch (IOException | RuntimeException e) {
            err.println("baseline: cannot read token corpus " + data + ": " + ErrorHandler.describe(e));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (run != null) {
            Path checkpoint = Checkpoints.find(run, Checkpoints.BEST);
            checkpoint = checkpoint != null ? checkpoint : Checkpoints.find(run, Checkpoints.LAST);
            try {
                RunCorpus.check(checkpoint, Checkpoints.readInfo(checkpoint), corpus, "--data");
            } catch (IllegalArgumentException e) {
                err.println("baseline: " + e.getMessage() + "; the perplexities would not be comparable");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        Baselines b;
        try {
            b = Baselines.compute(corpus, fraction, seed, context, windows, order,
                    stage -> ProgressDisplay.working(err, "baseline: " + stage + "…"));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("validation: %d of %d files (seed %d, fraction %s), %d windows of %d+1 ids, %,d target tokens%n",
                b.split().validationFiles().size(), corpus.fileCount(), seed, fraction, b.validationWindows(), context,
                b.results().get(0).tokens());
        out.printf("%-36s %10s %12s%n", "model", "loss (nats)", "perplexity");
        for (Perplexity p : b.results()) {
            out.printf("%-36s %10.4f %12.3f%n", p.model(), p.lossNats(), p.perplexity());
        }
        if (runLoss != null) {
            String name = "transformer (" + run.getFileName() + ", step " + runStep + ")";
            out.printf("%-36s %10.4f %12.3f%n", name, runLoss, Math.exp(runLoss));
            for (Perplexity p : b.results()) {
                out.printf("  %s / transformer perplexity: %.2fx%n", p.model(), p.perplexity() / Math.exp(runLoss));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
