package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.Limits;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.cli.pipeline.ResourceGuards;
import org.partita.midi.ReadOptions;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.render.PianoRollPng;
import org.partita.midi.render.PianoRollSvg;
import org.partita.midi.render.RenderOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.roll.PianoRollConfig;
import org.partita.symbolic.roll.PianoRollNpz;
import org.partita.symbolic.roll.RollValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code partita pianoroll}: reads a MIDI file, builds its multitrack piano roll and writes it as
 * {@code .npz} (for numpy), PNG and/or SVG; prints a one-line summary.
 */
@Command(name = "pianoroll", mixinStandardHelpOptions = true,
        description = {"Build the multitrack piano roll of a MIDI file (tracks x steps x 128; onset, frame and "
                + "offset planes) and write it as .npz, PNG and/or SVG. See docs/pianoroll.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. an output cannot be written)", "  2  bad usage (also an output path that is a directory or in a missing folder)",
                "  3  FILE is not a readable MIDI file, or too long for one roll at this resolution"})
public final class PianorollCommand implements Callable<Integer> {

    static final int ERROR = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "MIDI file to read.")
    private Path file;

    @Option(names = {"--steps-per-beat", "--steps-per-quarter"}, paramLabel = "N", defaultValue = "24",
            description = "Time steps per quarter note (the 'beat' of pypianoroll and MusPy), 1..960; "
                    + "default: ${DEFAULT-VALUE}.")
    private int stepsPerQuarter;

    @Option(names = "--binary", description = "Cells hold 1 instead of the note's velocity.")
    private boolean binary;

    @Option(names = "--npz", paramLabel = "OUT.npz", description = "Write the roll for numpy (numpy.load).")
    private Path npz;

    @Option(names = "--png", paramLabel = "OUT.png", description = "Draw the roll as a PNG.")
    private Path png;

    @Option(names = "--svg", paramLabel = "OUT.svg", description = "Draw the roll as an SVG.")
    private Path svg;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() {
        PianoRollConfig config = config();
        Limits limits = limitOptions.get();
        OutputTarget npzTarget = target(npz, "--npz");
        OutputTarget pngTarget = target(png, "--png");
        OutputTarget svgTarget = target(svg, "--svg");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PianoRoll roll;
        try {
            Score score = new MidiReader(ReadOptions.defaults().withMaxInputBytes(limits.inputBytes())).read(file).score();
            ResourceGuards.checkRoll(score, config.stepsPerQuarter(), limits);
            ProgressDisplay.working(err, "pianoroll: building the roll of " + file + "…");
            roll = PianoRoll.from(score, config);
        } catch (MidiFormatException e) {
            err.println("pianoroll: cannot read " + file + ": "
                    + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("pianoroll: " + file + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }

        List<String> written = new ArrayList<>();
        RenderOptions render = RenderOptions.defaults().withTitle(String.valueOf(file.getFileName()));
        try {
            if (npzTarget != null) {
                npzTarget.writeBytes(PianoRollNpz.encode(roll));
                written.add(npz.toString());
            }
            if (pngTarget != null) {
                pngTarget.writeBytes(PianoRollPng.toPng(roll, render));
                written.add(png.toString());
            }
            if (svgTarget != null) {
                svgTarget.writeString(PianoRollSvg.toSvg(roll, render));
                written.add(svg.toString());
            }
        } catch (IOException e) {
            err.println("pianoroll: cannot write output: " + ErrorHandler.describe(e));
            err.flush();
            return ERROR;
        }
        out.printf("%s: %d tracks, %d steps at %d per quarter, %d notes; %s%n", file, roll.trackCount(),
                roll.stepCount(), roll.stepsPerQuarter(), roll.noteCount(),
                written.isEmpty() ? "nothing written (give --npz, --png or --svg)" : "wrote " + String.join(", ", written));
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private OutputTarget target(Path path, String option) {
        try {
            return path == null ? null : OutputTarget.of(path, option);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private PianoRollConfig config() {
        try {
            return PianoRollConfig.defaults().withStepsPerQuarter(stepsPerQuarter)
                    .withValues(binary ? RollValues.BINARY : RollValues.VELOCITY);
        } catch (IllegalArgumentException e) {
            String typed = spec.commandLine().getParseResult().originalArgs().stream()
                    .filter(a -> a.startsWith("--steps-per-quarter")).findFirst().isPresent()
                    ? "--steps-per-quarter" : "--steps-per-beat";
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("stepsPerQuarter", typed), e);
        }
    }
}
