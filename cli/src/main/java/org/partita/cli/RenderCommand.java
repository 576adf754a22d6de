package org.partita.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.cli.pipeline.ResourceGuards;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.audio.AudioOptions;
import org.partita.midi.audio.WavRenderer;
import org.partita.symbolic.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita render}: a MIDI file to a WAV file, offline, with the JDK's synthesizer. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Render a MIDI file to WAV (16-bit stereo) offline with the JDK's Gervill synthesizer: no "
                + "sound card needed, much faster than real time. The built-in General MIDI bank is small; "
                + "--soundfont plays with an SF2 soundbank instead (e.g. Debian's fluid-soundfont-gm)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  other error (e.g. OUT cannot be written)", "  2  bad usage (also an output path that is a directory or in a missing folder)",
                "  3  IN is not a readable MIDI file, or the soundfont cannot be loaded"})
final class RenderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.mid", description = "MIDI file to render.")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT.wav", description = "WAV file to write (replaced if it exists).")
    private Path outFile;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "SF2 (or DLS) soundbank to play with.")
    private Path soundfont;

    @Option(names = "--tail", paramLabel = "SECONDS", defaultValue = "1.5", description = "Time rendered after "
            + "the last note so it can ring out, 0..30 (default: ${DEFAULT-VALUE}).")
    private double tailSeconds;

    @Option(names = "--sample-rate", paramLabel = "HZ", defaultValue = "44100", description = "8000..192000 "
            + "(default: ${DEFAULT-VALUE}).")
    private int sampleRateHz;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "3600", description = "Refuse to render more "
            + "audio than this, tail included (default: ${DEFAULT-VALUE}, one hour: 635 MB at 44.1 kHz).")
    private double maxSeconds;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws IOException {
        AudioOptions options = options();
        if (!(maxSeconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--max-seconds must be > 0, got " + maxSeconds);
        }
        OutputTarget target;
        try {
            target = OutputTarget.of(outFile, "OUT.wav");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Score score;
        try {
            score = new MidiReader(org.partita.midi.ReadOptions.defaults()
                    .withMaxInputBytes(limitOptions.get().inputBytes())).read(in).score();
        } catch (MidiFormatException e) {
            err.println("render: cannot read " + in + ": "
                    + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        double audioSeconds = score.durationSeconds() + options.tailSeconds();
        if (audioSeconds > maxSeconds) {
            err.println("render: " + ResourceGuards.audioTooLong(in.toString(), audioSeconds, maxSeconds));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (WavRenderer.wavBytes(score, options) > WavRenderer.MAX_WAV_BYTES) {
            err.printf(java.util.Locale.ROOT, "render: %s: the WAV file would be %,d bytes, above the %,d bytes a WAV "
                    + "file can hold; lower --sample-rate%n", in, WavRenderer.wavBytes(score, options), WavRenderer.MAX_WAV_BYTES);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (soundfont != null && !Files.isRegularFile(soundfont)) {
            err.println("render: soundfont " + soundfont + ": no such file");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        ProgressDisplay.working(err, String.format(java.util.Locale.ROOT, "render: rendering %.1f s of audio to %s…",
                audioSeconds, outFile));
        long t0 = System.nanoTime();
        long bytesPerSecond = 4L * options.sampleRateHz(); // 16-bit stereo
        int totalSeconds = (int) Math.ceil(audioSeconds);
        try (ProgressDisplay progress = ProgressDisplay.onStderr("render", err, " s of audio")) {
            progress.started(totalSeconds);
            target.write(stream -> WavRenderer.write(score, options, new FilterOutputStream(stream) {
                private long written;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    long before = written / bytesPerSecond;
                    written += len;
                    if (written / bytesPerSecond != before) {
                        progress.fileDone((int) Math.min(totalSeconds, written / bytesPerSecond), totalSeconds, null, true);
                    }
                }
            }));
        } catch (IOException e) {
            if (soundfont != null && String.valueOf(e.getMessage()).startsWith("soundfont ")) {
                err.println("render: " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            throw e;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("read  %s: %d tracks, %d notes, %.1f s%n", in, score.tracks().size(), score.noteCount(),
                score.durationSeconds());
        out.printf("wrote %s: %d Hz, 16-bit stereo, %.1f s (%.1f s of tail), %s; rendered in %.1f s%n", outFile,
                options.sampleRateHz(), score.durationSeconds() + options.tailSeconds(), options.tailSeconds(),
                soundfont == null ? "built-in GM bank" : "soundfont " + soundfont, seconds);
        out.flush();
        return ExitCodes.OK;
    }

    private AudioOptions options() {
        try {
            return new AudioOptions(sampleRateHz, tailSeconds, soundfont);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()
                    .replace("sampleRateHz", "--sample-rate").replace("tailSeconds", "--tail"), e);
        }
    }
}
