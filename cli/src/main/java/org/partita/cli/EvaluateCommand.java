package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.EvaluationCsv;
import org.partita.cli.pipeline.EvaluationJson;
import org.partita.cli.pipeline.EvaluationResult;
import org.partita.cli.pipeline.EvaluationSettings;
import org.partita.cli.pipeline.Evaluation;
import org.partita.cli.pipeline.MemorisationIndexing;
import org.partita.cli.pipeline.MetricPlot;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.evaluation.MetricSettings;
import org.partita.evaluation.compare.SetComparison;
import org.partita.evaluation.memorisation.MemorisationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita evaluate}: metrics of generated pieces, comparison with a reference corpus, memorisation check. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Judge generated MIDI files: MusPy's twelve metrics per piece (docs/evaluation.md), with "
                + "--reference a comparison with a corpus after Yang & Lerch 2020, with --memorisation the longest "
                + "passage each piece shares with a training corpus (transposition-invariant).",
                "Build the memorisation index once: partita evaluate --index-training DIR --out IDX"},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. an output cannot be written)", "  2  bad usage",
                "  3  one or more input files, or the index, could not be read (all others are still evaluated)"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "GENERATED", description = "Generated MIDI files or folders.")
    private List<Path> generated = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "DIR", description = "Reference MIDI files or folders to compare with "
            + "(repeatable).")
    private List<Path> reference = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write everything as JSON.")
    private Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the per-piece table as CSV.")
    private Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw a box plot per metric, generated vs "
            + "reference: PNG, or SVG for a name ending in .svg.")
    private Path plot;

    @Option(names = "--memorisation", paramLabel = "IDX", description = "Check each piece against this index "
            + "(built with --index-training).")
    private Path memorisation;

    @Option(names = "--min-bars", paramLabel = "B", defaultValue = "2", description = "A shared passage this many bars "
            + "long flags a piece; 0 = off (default: ${DEFAULT-VALUE}).")
    private double minBars;

    @Option(names = "--min-notes", paramLabel = "N", defaultValue = "12", description = "A shared passage of this many "
            + "notes flags a piece; 0 = off (default: ${DEFAULT-VALUE}).")
    private int minNotes;

    @Option(names = "--melody-only", description = "Memorisation: compare melody lines only (the highest note at "
            + "each onset), so shared accompaniment figures do not count.")
    private boolean melodyOnly;

    @Option(names = "--index-training", paramLabel = "DIR", description = "Index the MIDI files under DIR (or the "
            + "pieces of a token corpus folder) for the memorisation check, into --out (repeatable).")
    private List<Path> indexTraining = new ArrayList<>();

    @Option(names = "--out", paramLabel = "IDX", description = "Folder to write the index to (with --index-training).")
    private Path out;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "4", description = "Index: steps per quarter note the "
            + "memorisation check quantises to (default: ${DEFAULT-VALUE}, sixteenths).")
    private int grid;

    @Option(names = "--seed-notes", paramLabel = "N", defaultValue = "8", description = "Index: notes per hashed "
            + "n-gram; shorter shared passages are not found (default: ${DEFAULT-VALUE}).")
    private int seedNotes;

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "0", description = "Metrics: resample to N steps "
            + "per quarter first; 0 = each file's own, as muspy.read_midi (default: ${DEFAULT-VALUE}).")
    private int resolution;

    @Option(names = "--muspy-compatible", description = "Metrics: reproduce MusPy 0.5's code where it departs from "
            + "its definitions (docs/evaluation.md).")
    private boolean muspyCompatible;

    @Option(names = "--polyphony-threshold", paramLabel = "N", defaultValue = "2", description = "Metrics: pitches "
            + "that count as polyphony in polyphony_rate (default: ${DEFAULT-VALUE}).")
    private int polyphonyThreshold;

    @Option(names = "--drum-meter", paramLabel = "M", defaultValue = "duple", description = "Metrics: drum pattern "
            + "of drum_in_pattern_rate, duple or triple (default: ${DEFAULT-VALUE}).")
    private String drumMeter;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "20000", description = "Comparison: most distances "
            + "per distance set, sampled with --seed beyond (default: ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "13", description = "Comparison: seed of the pair "
            + "sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Reading threads (default: all processors).")
    private Integer threads;

    private void checkOutput(Path path, String option) {
        if (path != null) {
            try {
                OutputTarget.of(path, option);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + nThreads);
        }
        // Output paths are checked before any work (docs/cli.md, "Output policy").
        checkOutput(json, "--json");
        checkOutput(csv, "--csv");
        checkOutput(plot, "--plot");
        if (!indexTraining.isEmpty()) {
            return index(stdout, err, nThreads);
        }
        if (generated.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing GENERATED files (or --index-training DIR --out IDX)");
        }
        EvaluationSettings settings = settings(nThreads);
        EvaluationResult result;
        try (ProgressDisplay gen = ProgressDisplay.onStderr("evaluate", err);
             ProgressDisplay ref = ProgressDisplay.onStderr("reference", err)) {
            result = Evaluation.run(settings, gen, ref);
        } catch (IOException e) {
            err.println("evaluate: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        EvaluationText.print(result, stdout);
        stdout.flush();
        if (json != null) {
            EvaluationJson.write(result, json);
            err.println("evaluate: wrote " + json);
        }
        if (csv != null) {
            EvaluationCsv.write(result, csv);
            err.println("evaluate: wrote " + csv);
        }
        if (plot != null) {
            MetricPlot.write(result.pieces().stream().map(p -> p.metrics()).toList(), result.reference(), plot);
            err.println("evaluate: wrote " + plot);
        }
        err.flush();
        return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private int index(PrintWriter stdout, PrintWriter err, int nThreads) throws IOException, InterruptedException {
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "--index-training needs --out IDX");
        }
        MemorisationSettings settings;
        try {
            settings = new MemorisationSettings(grid, seedNotes, minBars, minNotes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), options(e.getMessage()), e);
        }
        MemorisationIndexing.Result r;
        try (ProgressDisplay progress = ProgressDisplay.onStderr("index", err)) {
            r = MemorisationIndexing.index(indexTraining, out, settings, nThreads, progress);
        }
        stdout.printf(Locale.ROOT, "indexed %d files (%,d lines, %,d notes) in %.1f s on %d threads -> %s (%.1f MB)%n",
                r.index().sources().size(), r.index().lineCount(), r.index().noteCount(), r.seconds(), nThreads,
                r.indexFile(), r.bytes() / 1e6);
        EvaluationText.printFailures(r.failures(), stdout);
        stdout.flush();
        return r.failures().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private EvaluationSettings settings(int nThreads) {
        try {
            MetricSettings.DrumMeter meter = switch (drumMeter.toLowerCase(Locale.ROOT)) {
                case "duple" -> MetricSettings.DrumMeter.DUPLE;
                case "triple" -> MetricSettings.DrumMeter.TRIPLE;
                default -> throw new IllegalArgumentException("--drum-meter must be duple or triple, got " + drumMeter);
            };
            MetricSettings metrics = new MetricSettings(resolution, polyphonyThreshold, meter, muspyCompatible);
            if (memorisation != null) {
                MemorisationSettings.defaults().withMinBars(minBars).withMinNotes(minNotes); // validates both
            }
            return new EvaluationSettings(generated, reference, memorisation, minBars, minNotes, melodyOnly, metrics,
                    new SetComparison(pairs, seed), nThreads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), options(e.getMessage()), e);
        }
    }

    /** Records name their fields; say which option they came from. */
    private static String options(String message) {
        return message.replace("stepsPerQuarter", "--grid/--resolution").replace("seedNotes", "--seed-notes")
                .replace("minBars", "--min-bars").replace("minNotes", "--min-notes")
                .replace("polyphonyThreshold", "--polyphony-threshold").replace("maxPairs", "--pairs");
    }
}
