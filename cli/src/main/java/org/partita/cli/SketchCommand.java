package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.PieceFiles;
import org.partita.cli.pipeline.PieceOutputs;
import org.partita.midi.audio.AudioOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.symbolic.staccato.StaccatoReading;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita sketch}: a musical idea written in Staccato to MIDI (and WAV, PNG). */
@Command(name = "sketch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a sketch in JFugue-style Staccato notation and get MIDI (and WAV, PNG), e.g.",
                "  partita sketch \"T120 V0 I[Piano] C5q E5q G5h | V9 [Bass_Drum]q Rq [Acoustic_Snare]q Rq\" "
                        + "--out sketch.mid --wav",
                "The notation Partita reads is in docs/staccato.md; anything else is an error naming its column."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written (warnings, e.g. bars that do not add up, go to stderr)", "  1  other error",
                "  2  bad usage", "  3  the Staccato text has an error (shown with a caret) or --file cannot be read"})
final class SketchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "STACCATO", description = "The sketch, in quotes.")
        String text;

        @Option(names = "--file", paramLabel = "FILE.txt", description = "Read the sketch from this file instead.")
        Path file;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE.mid",
            description = "MIDI file to write (480 ticks per quarter); --wav and --png write beside it.")
    private Path out;

    @Option(names = "--wav", description = "Also render FILE.wav (44.1 kHz, 16-bit stereo).")
    private boolean wav;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "Render WAV with this SF2 soundbank (implies --wav).")
    private Path soundfont;

    @Option(names = "--png", description = "Also draw the piano roll as FILE.png.")
    private boolean png;

    @Override
    public Integer call() throws IOException {
        String fileName = out.getFileName().toString();
        if (!fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".mid")) {
            throw new ParameterException(spec.commandLine(), "--out must name a .mid file, got " + out);
        }
        PrintWriter err = spec.commandLine().getErr();
        StaccatoText text;
        try {
            text = StaccatoText.of(source.text, source.file);
        } catch (IOException e) {
            err.println("sketch: cannot read " + source.file + ": " + ErrorHandler.describe(e));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        StaccatoReading reading = text.read("sketch", err);
        if (reading == null) {
            return ExitCodes.BAD_INPUT;
        }
        Score score = reading.score();
        Path dir = out.getParent() == null ? Path.of("") : out.getParent(); // print the paths as given
        PieceOutputs outputs = new PieceOutputs(dir, "sketch", wav || soundfont != null, png,
                AudioOptions.defaults().withSoundfont(soundfont));
        PieceFiles files = PieceFiles.write(score, fileName.substring(0, fileName.length() - 4), outputs);
        PrintWriter stdout = spec.commandLine().getOut();
        StringBuilder tracks = new StringBuilder();
        for (Track t : score.tracks()) {
            tracks.append(tracks.length() == 0 ? "" : ", ").append(t.name()).append(": ").append(t.notes().size())
                    .append(" notes");
        }
        int bars = score.endTick() == 0 ? 0 : score.timeGrid().barAt(score.endTick() - 1) + 1;
        int warnings = reading.warnings().size();
        stdout.printf("read %s: %d notes in %d bar%s, %.1f s (%s)%s%n", text.source(), score.noteCount(), bars,
                bars == 1 ? "" : "s", score.durationSeconds(), tracks,
                warnings == 0 ? "" : "; " + warnings + (warnings == 1 ? " warning" : " warnings") + " on stderr");
        stdout.printf("wrote %s%s%s%n", files.midi(), files.wav() == null ? "" : ", " + files.wav(),
                files.png() == null ? "" : ", " + files.png());
        stdout.flush();
        return ExitCodes.OK;
    }
}
