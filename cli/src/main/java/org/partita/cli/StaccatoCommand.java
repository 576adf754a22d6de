package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.symbolic.staccato.StaccatoWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita staccato}: a MIDI file as Staccato text, on a chosen grid. */
@Command(name = "staccato", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a MIDI file as JFugue-style Staccato: notes rounded to a grid, one line per voice "
                + "(drums on V9), chords with '+', overlapping parts as layers, bar lines. Reading the text back "
                + "(partita sketch --file) gives the same notes on that grid. See docs/staccato.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  printed", "  1  other error", "  2  bad usage",
                "  3  the file cannot be read, or needs more voices or layers than Staccato has"})
final class StaccatoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.mid", description = "MIDI file to print.")
    private Path in;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "16", description = "Steps per whole note: 16 = "
            + "sixteenths, 12 = eighth-note triplets, 48 = both, 32 = thirty-seconds (default: ${DEFAULT-VALUE}).")
    private int grid;

    @Option(names = "--out", paramLabel = "FILE.txt", description = "Write the text to this file instead of stdout.")
    private Path outFile;

    @Override
    public Integer call() throws IOException {
        StaccatoWriter writer;
        try {
            writer = StaccatoWriter.ofGrid(grid);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--grid: " + e.getMessage().replace("stepsPerWhole", "N"));
        }
        OutputTarget target = null;
        if (outFile != null) {
            try {
                target = OutputTarget.of(outFile, "--out"); // checked before the work (docs/cli.md, "Output policy")
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            Score score = MidiReader.lenient().read(in).score();
            text = writer.write(score);
        } catch (MidiFormatException e) {
            err.println("staccato: cannot read " + in + ": "
                    + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("staccato: " + in + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (outFile != null) {
            target.writeString(text);
            spec.commandLine().getOut().printf("wrote %s: %d lines, grid of %d steps per whole note%n", outFile,
                    text.lines().count(), grid);
        } else {
            spec.commandLine().getOut().print(text);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
