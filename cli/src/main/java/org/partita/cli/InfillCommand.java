package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.RollHarmony;
import org.partita.cli.pipeline.RollOutputs;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.training.roll.RollModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita infill}: regenerates some bars (and voices) of a four-voice piece with the piano-roll model. */
@Command(name = "infill", mixinStandardHelpOptions = true,
        description = {"Regenerate bars of a four-voice piece (4 note tracks, soprano first) with the piano-roll "
                + "model; everything outside the bars and voices chosen is kept (on the 16th grid). See docs/pianoroll-model.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error", "  2  bad usage", "  3  SONG is unreadable, not 4 voices, or the bars are outside it"})
public final class InfillCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SONG.mid", description = "Four-voice MIDI file.")
    private Path song;

    @Option(names = "--bars", required = true, paramLabel = "A-B", description = "Bars to regenerate, 1-based and inclusive (e.g. 5-8, or 5).")
    private String bars;

    @Option(names = "--voices", paramLabel = "V,V", split = ",",
            description = "Voices to regenerate, 1 = soprano .. 4 = bass (default: all four).")
    private List<Integer> voices;

    @Option(names = "--out", required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    private Path out;

    @Mixin
    private RollOptions options;

    @Override
    public Integer call() throws IOException {
        String problem = options.programsProblem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        int[] range = parseBars();
        List<Integer> zeroBased = new ArrayList<>();
        for (int v : voices == null ? List.of(1, 2, 3, 4) : voices) {
            if (v < 1 || v > 4) {
                throw new ParameterException(spec.commandLine(), "--voices: voices are 1..4 (soprano..bass), got " + v);
            }
            zeroBased.add(v - 1);
        }
        RollOutputs.Targets targets = options.outputs(spec, out);
        PrintWriter err = spec.commandLine().getErr();
        Score input;
        try {
            input = MidiReader.lenient().read(song).score();
        } catch (MidiFormatException e) {
            err.println("infill: cannot read " + song + ": " + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        long start = System.nanoTime();
        RollHarmony.Result r;
        try (RollModel model = options.loadModel()) {
            r = RollHarmony.infill(input, range[0], range[1], zeroBased, model, options.sampling(), options.programs);
        } catch (IllegalArgumentException e) {
            err.println("infill: " + song + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String note : r.notes()) {
            err.println("infill: " + song + ": " + note);
        }
        err.flush();
        List<Path> written = RollOutputs.write(r.score(), targets, "infilled " + song.getFileName());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("infill: %s: bars %d-%d, voices %s, seed %d in %.2f s; wrote %s%n", song, range[0], range[1],
                voices == null ? "1,2,3,4" : voices.toString().replaceAll("[\\[\\] ]", ""), options.seed, seconds,
                String.join(", ", written.stream().map(Path::toString).toList()));
        stdout.flush();
        return ExitCodes.OK;
    }

    private int[] parseBars() {
        try {
            return RollHarmony.parseBars(bars);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--bars: " + e.getMessage());
        }
    }
}
