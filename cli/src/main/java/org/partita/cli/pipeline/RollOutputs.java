package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partita.midi.MidiWriter;
import org.partita.midi.audio.AudioOptions;
import org.partita.midi.audio.WavRenderer;
import org.partita.midi.render.PianoRollPng;
import org.partita.midi.render.RenderOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;

/**
 * Writes a generated score as MIDI and, on request, WAV and PNG beside it (OUT.wav, OUT.png), every file through
 * {@link OutputTarget} (docs/cli.md, "Output policy").
 */
public final class RollOutputs {
    private RollOutputs() {}

    /** The files to write, checked before the work; a null entry is not written. */
    public record Targets(OutputTarget midi, OutputTarget wav, OutputTarget png) {
        /**
         * Checks {@code out} as {@code --out} and the siblings {@code OUT.wav} / {@code OUT.png} when asked for.
         *
         * @throws IllegalArgumentException naming the option and path when one cannot be written, or when
         *         {@code out} is a device or FIFO and a sibling file is asked for (there is no name to put it beside)
         */
        public static Targets check(Path out, boolean wav, boolean png) {
            OutputTarget midi = OutputTarget.of(out, "--out");
            if ((wav || png) && midi.isWriteThrough()) {
                throw new IllegalArgumentException("--out " + out + " is a device or FIFO: --wav and --png write "
                        + "OUT.wav and OUT.png beside a MIDI file, so give --out a file name");
            }
            String base = out.getFileName().toString().replaceFirst("\\.(mid|midi)$", "");
            return new Targets(midi,
                    wav ? OutputTarget.of(out.resolveSibling(base + ".wav"), "--wav") : null,
                    png ? OutputTarget.of(out.resolveSibling(base + ".png"), "--png") : null);
        }
    }

    /** Returns the files written (as the user named them). */
    public static List<Path> write(Score score, Targets targets, String title) throws IOException {
        List<Path> written = new ArrayList<>();
        targets.midi().writeBytes(MidiWriter.toBytes(score, score.ticksPerQuarter()));
        written.add(targets.midi().path());
        if (targets.wav() != null) {
            targets.wav().write(out -> WavRenderer.write(score, AudioOptions.defaults(), out));
            written.add(targets.wav().path());
        }
        if (targets.png() != null) {
            targets.png().writeBytes(PianoRollPng.toPng(PianoRoll.from(score), RenderOptions.defaults().withTitle(title)));
            written.add(targets.png().path());
        }
        return written;
    }
}
