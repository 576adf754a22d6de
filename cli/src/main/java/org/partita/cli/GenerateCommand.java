package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.GenerateConfig;
import org.partita.cli.pipeline.GeneratedPiece;
import org.partita.cli.pipeline.GenerationResult;
import org.partita.cli.pipeline.InputFile;
import org.partita.cli.pipeline.ModelRun;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.cli.pipeline.ResourceGuards;
import org.partita.cli.pipeline.Prompt;
import org.partita.cli.pipeline.PieceGeneration;
import org.partita.cli.pipeline.PieceOutputs;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.midi.MidiFormatException;
import org.partita.midi.audio.AudioOptions;
import org.partita.training.GenerationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita generate}: samples pieces from a trained model and writes them as MIDI (and WAV, PNG). */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Generate pieces with a model trained by Partita: unconditional, or continuing the first "
                + "bars of a MIDI file. The tokenizer's grammar masks every sampling step, so each piece decodes "
                + "without violations. Writes PREFIX-000.mid, ... (480 ticks per quarter, GM programs, drums on "
                + "channel 10), optionally .wav and .png, and PREFIX.json with the settings and seeds."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. an output cannot be written)", "  2  bad usage",
                "  3  the model directory or the prompt file cannot be read"})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR",
            description = "Training run directory (its best/ checkpoint, else last/), or one checkpoint directory.")
    private Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (created if missing).")
    private Path outDir;

    @Option(names = "--prompt", paramLabel = "FILE.mid", description = "Continue the opening of this MIDI file.")
    private Path prompt;

    @Option(names = "--prompt-staccato", paramLabel = "STACCATO", description = "Continue this sketch written in "
            + "Staccato (docs/staccato.md); all its bars are the prompt.")
    private String promptStaccato;

    @Option(names = "--prompt-bars", paramLabel = "N", defaultValue = "4",
            description = "Bars of --prompt to continue (default: ${DEFAULT-VALUE}).")
    private int promptBars;

    @Option(names = "--num", paramLabel = "N", defaultValue = "4", description = "Pieces, sampled as one batch "
            + "(default: ${DEFAULT-VALUE}).")
    private int num;

    @Option(names = "--max-bars", paramLabel = "N", defaultValue = "16", description = "Most bars per piece, the "
            + "prompt's included; 0 = no limit (default: ${DEFAULT-VALUE}).")
    private int maxBars;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "4096", description = "Most new tokens per "
            + "piece (default: ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0", description = "Sampling temperature; "
            + "0 = always the most likely token (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0", description = "Sample among the K most likely "
            + "tokens only; 0 = no limit (default: ${DEFAULT-VALUE}).")
    private int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.95", description = "Sample among the most likely "
            + "tokens holding probability P, in (0, 1] (default: ${DEFAULT-VALUE}).")
    private double topP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Random seed; piece i uses a seed "
            + "derived from S and i (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--name", paramLabel = "PREFIX", defaultValue = "sample",
            description = "File name prefix (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--wav", description = "Also render each piece as WAV (44.1 kHz, 16-bit stereo).")
    private boolean wav;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "Render WAV with this SF2 soundbank "
            + "instead of the JDK's built-in one (implies --wav).")
    private Path soundfont;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "3600", description = "A piece whose audio "
            + "would be longer gets no WAV file (default: ${DEFAULT-VALUE}, one hour).")
    private double maxSeconds;

    @Option(names = "--png", description = "Also draw each piece's piano roll as PNG.")
    private boolean png;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "PyTorch threads, 0 = all "
            + "processors (default: ${DEFAULT-VALUE}; sampling runs one token at a time, small products that "
            + "extra threads slow down on a busy machine).")
    private int threads;

    @Option(names = "--check-memorisation", paramLabel = "IDX", description = "Check each piece against this "
            + "memorisation index (partita evaluate --index-training) and print the verdict beside it.")
    private Path checkMemorisation;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws IOException {
        GenerateConfig config = config();
        checkPieceFiles(config.outputs());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelRun run;
        Prompt opening;
        MemorisationIndex memo;
        org.partita.symbolic.Score sketch = promptStaccato == null ? null : sketchPrompt(err);
        if (promptStaccato != null && sketch == null) {
            return ExitCodes.BAD_INPUT;
        }
        try {
            if (soundfont != null) {
                InputFile.checkSoundbank(soundfont);
            }
            run = ModelRun.open(model);
            memo = checkMemorisation == null ? null : MemorisationLines.load(checkMemorisation);
            opening = prompt != null ? Prompt.fromMidi(prompt, promptBars, run.tokenizer())
                    : sketch != null ? Prompt.of(sketch, bars(sketch), run.tokenizer(), "the Staccato prompt") : null;
        } catch (MidiFormatException e) {
            err.println("generate: cannot read " + prompt + ": "
                    + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException | IllegalArgumentException e) {
            err.println("generate: " + ErrorHandler.describe(e));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        ProgressDisplay.working(err, String.format(java.util.Locale.ROOT,
                "generate: sampling %d piece(s) of up to %,d tokens from %s…", num, maxTokens, model));
        GenerationResult result;
        // Steps of the batch: each step samples one token for every piece still going.
        try (ProgressDisplay progress = ProgressDisplay.onStderr("generate", err, " steps")) {
            progress.started(maxTokens);
            result = PieceGeneration.run(config, run, opening,
                    (steps, maxSteps, active) -> progress.fileDone(steps, maxSteps, null, true));
        }
        if (result.prompt() != null) {
            out.printf("prompt: first %d bars of %s, %d tokens -> %s%n", result.prompt().bars(),
                    prompt != null ? prompt : "the Staccato prompt",
                    result.prompt().ids().length, result.promptMidi());
        }
        for (GeneratedPiece p : result.pieces()) {
            out.printf("%s: %d bars, %d notes, %.1f s, %d new tokens, %s, violations %d -> %s%n", p.name(), p.bars(),
                    p.score().noteCount(), p.score().durationSeconds(), p.newTokens(),
                    p.ended() ? "complete" : "cut at --max-tokens",
                    p.grammarViolations() + p.report().total(), files(p));
            if (memo != null) {
                out.printf("  %s%n", EvaluationText.verdict(memo.check(p.score())));
            }
        }
        out.printf("%d pieces from %s (step %d), seed %d: %,d tokens in %.1f s; settings in %s%n",
                result.pieces().size(), result.run().checkpoint(), result.run().info().step(), seed,
                result.newTokens(), result.seconds(), result.summary());
        out.flush();
        return ExitCodes.OK;
    }

    /** Every file the pieces will be written to, checked by the output policy before sampling starts. */
    private void checkPieceFiles(PieceOutputs outputs) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(outputs.dir().resolve(outputs.namePrefix() + ".json"));
            files.add(outputs.dir().resolve(outputs.namePrefix() + "-prompt.mid"));
            for (int i = 0; i < num; i++) {
                files.add(outputs.dir().resolve(outputs.name(i) + ".mid"));
                if (outputs.wav()) {
                    files.add(outputs.dir().resolve(outputs.name(i) + ".wav"));
                }
                if (outputs.png()) {
                    files.add(outputs.dir().resolve(outputs.name(i) + ".png"));
                }
            }
            if (Files.isDirectory(outputs.dir())) { // a folder still to be made holds nothing in the way
                for (Path f : files) {
                    OutputTarget.of(f, "--out");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The Staccato prompt read (warnings printed), or null after printing its syntax error. */
    private org.partita.symbolic.Score sketchPrompt(PrintWriter err) {
        if (prompt != null) {
            throw new ParameterException(spec.commandLine(), "give --prompt or --prompt-staccato, not both");
        }
        org.partita.symbolic.staccato.StaccatoReading reading =
                new StaccatoText(promptStaccato, "the Staccato prompt").read("generate", err);
        if (reading != null && maxBars > 0 && maxBars <= bars(reading.score())) {
            throw new ParameterException(spec.commandLine(), "--max-bars (" + maxBars + ") must be more than the "
                    + bars(reading.score()) + " bars of --prompt-staccato: the limit counts the prompt's bars");
        }
        return reading == null ? null : reading.score();
    }

    /** Bars holding notes (or anything else) in {@code score}: all of them make the Staccato prompt. */
    private static int bars(org.partita.symbolic.Score score) {
        return score.endTick() == 0 ? 0 : score.timeGrid().barAt(score.endTick() - 1) + 1;
    }

    private static String files(GeneratedPiece p) {
        String s = p.files().midi().toString();
        if (p.files().wavSkipped() != null) {
            s += ", no WAV: " + p.files().wavSkipped();
        }
        if (p.files().wav() != null) {
            s += ", " + p.files().wav().getFileName();
        }
        if (p.files().png() != null) {
            s += ", " + p.files().png().getFileName();
        }
        return s;
    }

    private GenerateConfig config() {
        try {
            GenerationConfig sampling = GenerationConfig.defaults().withMaxNewTokens(maxTokens)
                    .withTemperature(temperature).withTopK(topK).withTopP(topP).withSeed(seed).withSamples(num);
            PieceOutputs outputs = new PieceOutputs(outDir, name, wav || soundfont != null, png,
                    AudioOptions.defaults().withSoundfont(soundfont), maxSeconds);
            OutputTarget.checkDirectory(outDir, "--out");
            ResourceGuards.checkGeneration(num, maxTokens, limitOptions.get());
            return new GenerateConfig(model, prompt, promptBars, maxBars, sampling, outputs, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), optionName(e.getMessage()), e);
        }
    }

    /** GenerationConfig names its fields; say which option they came from. */
    private static String optionName(String message) {
        return message.replace("maxNewTokens", "--max-tokens").replace("temperature", "--temperature")
                .replace("topK", "--top-k").replace("topP", "--top-p").replace("samples", "--num")
                .replace("namePrefix", "--name");
    }
}
