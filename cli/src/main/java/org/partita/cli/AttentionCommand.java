package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.partita.attention.AnalysisSettings;
import org.partita.attention.Baseline;
import org.partita.attention.ChartRanges;
import org.partita.attention.Field;
import org.partita.attention.InvalidAttentionException;
import org.partita.attention.Unit;
import org.partita.cli.pipeline.AttentionConfig;
import org.partita.cli.pipeline.AttentionPipeline;
import org.partita.cli.pipeline.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita attention}: relative attention by beat, position, bar, pitch, interval class and instrument. */
@Command(name = "attention", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measure where a music transformer looks: relative attention by beat, position, bar, pitch "
                + "interval, interval class and instrument, per layer and head, against a named baseline, with "
                + "bootstrap intervals over sequences (definitions: docs/attention.md).",
            "Input: a model run teacher-forced on pieces of a token corpus (--model, --data), or attention saved "
                + "by --save-npz or exported from another framework (--npz, --attributes).",
            "Writes attention.csv, attention.json, heads.csv, instruments.csv, summary.txt, heatmaps and beat-gain "
                + "charts (PNG and SVG)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. an output cannot be written)", "  2  bad usage",
                "  3  bad input: unreadable model/corpus, or npz/CSV breaking the format (the message names the "
                        + "sequence and row)"})
final class AttentionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "RUN_DIR", description = "Training run directory (its best/ checkpoint, "
            + "else last/), or one checkpoint directory.")
    private Path model;

    @Option(names = "--data", paramLabel = "TOKENS_DIR", description = "Token corpus the model reads (as made by "
            + "'partita tokenize').")
    private Path data;

    @Option(names = "--npz", paramLabel = "FILE.npz", description = "Attention: arrays attn_0, attn_1, ... of shape "
            + "[layers, heads, n, n], float32 or float64, rows = queries.")
    private Path npz;

    @Option(names = "--attributes", paramLabel = "FILE.csv", description = "Token attributes for --npz, header "
            + "seq,token,note,bar,beat,position,pitch,program; an empty cell = absent.")
    private Path attributes;

    @Option(names = "--num-sequences", paramLabel = "N", defaultValue = "100", description = "Pieces to run the "
            + "model on, each once (default: ${DEFAULT-VALUE}).")
    private int sequences;

    @Option(names = "--max-len", paramLabel = "N", defaultValue = "1024", description = "Window from the start of "
            + "each piece, in model positions including BOS; capped at the model's context (default: ${DEFAULT-VALUE}).")
    private int maxLength;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the choice of pieces and "
            + "of the bootstrap (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--save-npz", description = "Also write attention.npz and tokens.csv (the interchange format).")
    private boolean saveNpz;

    @Option(names = "--fields", paramLabel = "LIST", defaultValue = "beat,position,bar,pitch,interval-class,instrument",
            split = ",", description = "Fields to measure (default: ${DEFAULT-VALUE}).")
    private List<String> fields;

    @Option(names = "--unit", paramLabel = "token|note", defaultValue = "token", description = "Units: every token, "
            + "or notes (a note's tokens together) (default: ${DEFAULT-VALUE}).")
    private String unit;

    @Option(names = "--pitch-tokens", description = "Only Pitch/PitchDrum tokens are units (model runs).")
    private boolean pitchTokens;

    @Option(names = "--baseline", paramLabel = "NAME", defaultValue = "causal-uniform", description = "causal-uniform, "
            + "causal-pairs or mmt (the reference script's grid; token unit only) (default: ${DEFAULT-VALUE}).")
    private String baseline;

    @Option(names = "--layers", paramLabel = "all|LIST", defaultValue = "all", description = "Layers to analyse, "
            + "0-based, e.g. 0,3 (default: ${DEFAULT-VALUE}).")
    private String layers;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples of "
            + "the sequences for 95% intervals; 0 = none (default: ${DEFAULT-VALUE}).")
    private int bootstrap;

    @Option(names = "--beat-range", paramLabel = "MIN:MAX", defaultValue = "-40:4",
            description = "Beat differences drawn in heatmaps (default: ${DEFAULT-VALUE}).")
    private String beatRange;

    @Option(names = "--pitch-range", paramLabel = "MIN:MAX", defaultValue = "-25:25",
            description = "Intervals drawn in heatmaps (default: ${DEFAULT-VALUE}).")
    private String pitchRange;

    @Option(names = "--position-range", paramLabel = "MIN:MAX", defaultValue = "-12:12",
            description = "Position differences drawn in heatmaps (default: ${DEFAULT-VALUE}).")
    private String positionRange;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "PyTorch threads, 0 = all "
            + "processors (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (created if missing).")
    private Path out;

    @Override
    public Integer call() {
        AttentionConfig config = config();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttentionPipeline.Outcome r;
        try (ProgressDisplay progress = ProgressDisplay.onStderr("attention", err, " sequences")) {
            r = AttentionPipeline.run(config, progress);
        } catch (IOException | IllegalArgumentException e) {
            err.println("attention: " + ErrorHandler.describe(e));
            err.flush();
            return e instanceof InvalidAttentionException || !(e instanceof IllegalArgumentException)
                    ? ExitCodes.BAD_INPUT : ExitCodes.ERROR;
        }
        for (String s : r.skipped()) {
            err.println("attention: skipped " + s);
        }
        err.flush();
        var res = r.result();
        o.printf(Locale.ROOT, "%d sequences, %,d tokens, layers %s x %d heads, unit %s, baseline %s, bootstrap %d (seed %d)%n",
                res.sequences(), res.tokens(), res.layers(), res.heads(), res.settings().unit().label(),
                res.settings().baseline().label(), res.settings().bootstrapSamples(), res.settings().seed());
        o.printf(Locale.ROOT, "time: forward pass %.1f s, analysis %.1f s, pooling and bootstrap %.1f s%n",
                r.forwardSeconds(), r.analysisSeconds(), r.poolingSeconds());
        o.printf("%d skipped; wrote %s (attention.csv, attention.json, heads.csv, summary.txt, %d charts%s)%n",
                r.skipped().size(), config.out(), r.files().size(), config.saveNpz() ? ", attention.npz, tokens.csv" : "");
        o.flush();
        return ExitCodes.OK;
    }

    private AttentionConfig config() {
        try {
            OutputTarget.checkDirectory(out, "--out"); // before the work (docs/cli.md, "Output policy")
            List<Field> fs = new ArrayList<>();
            for (String f : fields) {
                fs.add(Field.parse(f));
            }
            int[] layerList = layers.strip().equalsIgnoreCase("all") ? new int[0]
                    : java.util.Arrays.stream(layers.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
            AnalysisSettings settings = new AnalysisSettings(fs, Unit.parse(unit), Baseline.parse(baseline), layerList,
                    bootstrap, seed, 0.95);
            int[] beat = range(beatRange, "--beat-range");
            int[] pitch = range(pitchRange, "--pitch-range");
            int[] position = range(positionRange, "--position-range");
            ChartRanges ranges = ChartRanges.defaults().with(Field.BEAT, beat[0], beat[1]).with(Field.PITCH, pitch[0], pitch[1])
                    .with(Field.POSITION, position[0], position[1]);
            return new AttentionConfig(model, data, npz, attributes, sequences, maxLength, seed, pitchTokens, saveNpz,
                    settings, ranges, threads, out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("bootstrapSamples", "--bootstrap"), e);
        }
    }

    private static int[] range(String text, String option) {
        String[] p = text.split(":");
        try {
            int[] r = {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
            if (p.length != 2 || r[0] > r[1]) {
                throw new NumberFormatException();
            }
            return r;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be MIN:MAX with MIN <= MAX, got '" + text + "'");
        }
    }
}
