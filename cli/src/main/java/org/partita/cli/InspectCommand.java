package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.midi.scan.CorpusScanner;
import org.partita.midi.scan.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita inspect}: reads MIDI files and prints a summary line for each. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read MIDI files and print one summary line per file, totals, then every file "
                + "that failed with its reason.",
                "Directories are searched recursively for .mid .midi .kar .rmi (any case); a file named "
                        + "directly is read whatever its name. Files are read in parallel.",
                "Progress goes to stderr (a bar on a terminal); stdout holds only the report."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every file was read", "  1  other error (e.g. the JSON file cannot be written)",
                "  2  bad usage (also an output path that is a directory or in a missing folder)", "  3  one or more files or paths failed (all are reported first)"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "MIDI files or directories.")
    private List<Path> paths;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the whole report as JSON to FILE.")
    private Path jsonFile;

    @Option(names = "--strict", description = "Refuse files that break the MIDI specification "
            + "instead of repairing them (lenient by default; repairs are counted).")
    private boolean strict;

    @Option(names = "--threads", paramLabel = "N",
            description = "Files read at once (default: number of processors, ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws Exception {
        InspectConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputTarget json;
        try {
            json = config.jsonFile() == null ? null : OutputTarget.of(config.jsonFile(), "--json");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }

        ScanReport report;
        try (ProgressDisplay progress = ProgressDisplay.onStderr("inspect", err)) {
            report = new CorpusScanner(config.scanOptions().withReadOptions(
                    config.scanOptions().readOptions().withMaxInputBytes(limitOptions.get().inputBytes()))).scan(config.paths(), progress);
        }

        ReportText.print(report, out);
        out.flush();
        if (report.totals().files() == 0) {
            err.println("inspect: no MIDI files (.mid .midi .kar .rmi) found under " + config.paths());
        }
        err.printf(Locale.ROOT, "inspect: %s in %.2f s on %s%n", ReportText.count(report.totals().files(), "file"),
                report.elapsedMillis() / 1000.0, ReportText.count(config.threads(), "thread"));
        if (json != null) {
            ReportJson.write(report, config, json);
            err.println("inspect: wrote JSON report to " + config.jsonFile());
        }
        err.flush();
        return report.hasFailures() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private InspectConfig config() {
        try {
            return new InspectConfig(paths, jsonFile, strict, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
