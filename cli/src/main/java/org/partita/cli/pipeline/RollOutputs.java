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

/** Writes a generated score as MIDI and, on request, WAV and PNG beside it (OUT.wav, OUT.png). */
public final class RollOutputs {
    private RollOutputs() {}

    /** Returns the files written. */
    public static List<Path> write(Score score, Path out, boolean wav, boolean png, String title) throws IOException {
        List<Path> written = new ArrayList<>();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        MidiWriter.write(score, out, score.ticksPerQuarter());
        written.add(out);
        String base = out.getFileName().toString().replaceFirst("\\.(mid|midi)$", "");
        if (wav) {
            Path w = out.resolveSibling(base + ".wav");
            WavRenderer.write(score, AudioOptions.defaults(), w);
            written.add(w);
        }
        if (png) {
            Path p = out.resolveSibling(base + ".png");
            PianoRollPng.write(PianoRoll.from(score), RenderOptions.defaults().withTitle(title), p);
            written.add(p);
        }
        return written;
    }
}
