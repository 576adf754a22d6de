package org.partita.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.partita.cli.pipeline.RollHarmony;
import org.partita.cli.pipeline.RollOutputs;
import org.partita.training.roll.RollModel;
import org.partita.training.roll.RollModels;
import org.partita.training.roll.SamplingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options shared by {@code harmonize} and {@code infill}: model, sampling, instruments, extra outputs. */
final class RollOptions {
    @Option(names = "--model", paramLabel = "DIR",
            description = "Model: a checkpoint or run directory of train-roll (default: the chorale model shipped with Partita).")
    Path model;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--gibbs-steps", paramLabel = "N", defaultValue = "0",
            description = "Gibbs steps (default 0 = 4 x the piece's 16th steps, as Coconet).")
    int gibbsSteps;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.99", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--independent", description = "One pass of independent sampling instead of annealed Gibbs sampling (for comparison).")
    boolean independent;

    @Option(names = "--programs", paramLabel = "P,P,P,P", split = ",",
            description = "GM programs (0-127) of soprano, alto, tenor and bass (harmonize default: 40,40,41,42 = violin, violin, viola, cello).")
    List<Integer> programs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch threads (default: ${DEFAULT-VALUE}; one small convolution at a time gains nothing from more, "
                    + "and on a busy machine 2 threads were 5x slower).")
    int threads;

    @Option(names = "--wav", description = "Also write OUT.wav (Gervill, the JDK's synthesizer).")
    boolean wav;

    @Option(names = "--png", description = "Also write OUT.png (piano roll).")
    boolean png;

    SamplingConfig sampling() {
        return SamplingConfig.defaults().withSeed(seed).withSteps(gibbsSteps).withTemperature(temperature)
                .withGibbs(!independent);
    }

    /** Checks --programs; returns an error message or null. */
    String programsProblem() {
        return RollHarmony.programsProblem("--programs", programs);
    }

    /** The output files, checked before the work (docs/cli.md "Output policy"; a problem is a usage error, exit 2). */
    RollOutputs.Targets outputs(CommandSpec spec, Path out) {
        try {
            return RollOutputs.Targets.check(out, wav, png);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    RollModel loadModel() throws IOException {
        org.partita.training.DjlRuntime.engine(Math.max(1, threads));
        return model == null ? RollModels.loadDefault() : RollModels.load(model);
    }
}
