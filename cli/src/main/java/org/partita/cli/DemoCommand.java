package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.DemoPipeline;
import org.partita.cli.pipeline.DemoResult;
import org.partita.cli.pipeline.DemoSettings;
import org.partita.cli.pipeline.PieceOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita demo}: the main job, end to end, on synthetic music. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the whole pipeline on synthetic music, on the CPU, in about 5 minutes: make a seeded "
                + "corpus of multitrack pieces, tokenize it (REMI), train a small transformer, then generate "
                + "continuations of a held-out piece's opening and unconditional pieces, written as MIDI, WAV "
                + "and PNG. Prints where everything is.",
                "DIR gets corpus/, held-out.mid, tokens/, run/, generated/ and demo.json; a DIR holding an "
                        + "earlier demo is reused (those folders are replaced)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. DIR cannot be written)", "  2  bad usage"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: ${DEFAULT-VALUE}).")
    private Path outDir = Path.of("partita-demo");

    @Option(names = "--count", paramLabel = "N", description = "Synthetic pieces to train on, 2..1000 "
            + "(default: 128; 8 with --quick).")
    private Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of corpus, training and sampling; the same "
            + "seed and thread count give the same files (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: 800; 30 with --quick).")
    private Integer steps;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads, 0 = all processors "
            + "(default: ${DEFAULT-VALUE}: this small model gains little from more, and on a busy machine "
            + "more threads cost several times the CPU).")
    private int threads = 1;

    @Option(names = "--no-wav", negatable = false, description = "Skip the WAV files.")
    private boolean noWav;

    @Option(names = "--max-seconds", paramLabel = "S", description = "A generated piece whose audio would be "
            + "longer gets no WAV file (default: ${DEFAULT-VALUE}, one hour).")
    private double maxSeconds = PieceOutputs.DEFAULT_MAX_WAV_SECONDS;

    @Option(names = "--quick", description = "A tiny corpus and model: seconds instead of minutes (a smoke test; "
            + "the pieces are noise).")
    private boolean quick;

    @Override
    public Integer call() throws Exception {
        DemoSettings settings = config().settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoResult result = DemoPipeline.run(outDir, settings, new DemoProgressLines("demo", err), maxSeconds);
        DemoText.print(result, outDir, out);
        MemorisationLines.printDemo(result, out);
        out.flush();
        return ExitCodes.OK;
    }

    private DemoConfig config() {
        try {
            DemoConfig c = new DemoConfig(outDir, count, seed, steps, threads, !noWav, quick);
            c.settings(); // validates the combination
            if (!(maxSeconds > 0)) {
                throw new IllegalArgumentException("--max-seconds must be > 0, got " + maxSeconds);
            }
            DemoPipeline.checkOutDir(outDir);
            return c;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
