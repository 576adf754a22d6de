package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.partita.midi.MidiWriter;
import org.partita.midi.scan.CorpusScanner;
import org.partita.midi.scan.ScanOptions;
import org.partita.midi.scan.ScanReport;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita demo}: the main job, end to end, on synthetic music. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run Partita end to end on synthetic music: generate a few seeded pieces, write them "
                + "as MIDI files (piece-000.mid, piece-001.mid, ...; files of those names are replaced) "
                + "and inspect them.",
                "This version stops after inspecting; later versions run the full pipeline "
                        + "(tokenize, train, generate) here."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. DIR cannot be written)", "  2  bad usage"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: ${DEFAULT-VALUE}).")
    private Path outDir = Path.of("partita-demo");

    @Option(names = "--count", paramLabel = "N", description = "Number of pieces, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int count = 8;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed writes the same "
            + "pieces (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Override
    public Integer call() throws Exception {
        DemoConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<Score> pieces = SyntheticCorpus.generate(config.seed(), config.count());
        Files.createDirectories(config.outDir());
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Path file = config.outDir().resolve(DemoConfig.fileName(i));
            MidiWriter.write(pieces.get(i), file, pieces.get(i).ticksPerQuarter());
            written.add(file);
        }
        out.printf("Wrote %d synthetic pieces (seed %d) to %s%n%n", written.size(), config.seed(),
                config.outDir().toAbsolutePath().normalize());
        out.flush();

        ScanReport report;
        try (ProgressDisplay progress = ProgressDisplay.onStderr("demo", err)) {
            report = new CorpusScanner(ScanOptions.defaults()).scan(written, progress);
        }
        ReportText.print(report, out);
        out.printf("%nThe pieces are in %s. Inspect them again with:%n  partita inspect %s%n",
                config.outDir().toAbsolutePath().normalize(), config.outDir());
        out.flush();
        if (report.hasFailures()) {
            // our own writer made a file our own reader refuses: a bug, not bad input
            throw new IllegalStateException("demo pieces written by Partita failed to read back: "
                    + ReportText.describe(report.failures().get(0)));
        }
        return ExitCodes.OK;
    }

    private DemoConfig config() {
        try {
            return new DemoConfig(outDir, count, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
