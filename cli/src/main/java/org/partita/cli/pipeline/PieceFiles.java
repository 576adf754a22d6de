package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.partita.midi.MidiWriter;
import org.partita.midi.WriteOptions;
import org.partita.midi.audio.WavRenderer;
import org.partita.midi.render.PianoRollPng;
import org.partita.midi.render.RenderOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;

/**
 * The files written for one piece.
 *
 * @param midi the MIDI file (480 ticks per quarter, format 1, drums on channel 10)
 * @param wav  the WAV file, or null if not asked for
 * @param png  the piano roll, or null if not asked for
 * @param wavSkipped why the WAV file asked for was not written (too long), or null
 */
public record PieceFiles(Path midi, Path wav, Path png, String wavSkipped) {

    /** Writes {@code score} as {@code NAME.mid} and, as {@code outputs} asks, {@code NAME.wav} and {@code NAME.png}. */
    public static PieceFiles write(Score score, String name, PieceOutputs outputs) throws IOException {
        Files.createDirectories(outputs.dir());
        Path midi = outputs.dir().resolve(name + ".mid");
        OutputTarget.of(midi).writeBytes(MidiWriter.toBytes(score, WriteOptions.DEFAULT_TICKS_PER_QUARTER));
        Path wav = null;
        String wavSkipped = null;
        double seconds = score.durationSeconds() + outputs.audio().tailSeconds();
        if (outputs.wav() && seconds > outputs.maxWavSeconds()) {
            wavSkipped = ResourceGuards.audioTooLong(name + ".wav", seconds, outputs.maxWavSeconds());
        } else if (outputs.wav()) {
            wav = outputs.dir().resolve(name + ".wav");
            OutputTarget.of(wav).write(out -> WavRenderer.write(score, outputs.audio(), out));
        }
        Path png = null;
        if (outputs.png()) {
            png = outputs.dir().resolve(name + ".png");
            OutputTarget.of(png).writeBytes(
                    PianoRollPng.toPng(PianoRoll.from(score), RenderOptions.defaults().withTitle(name)));
        }
        return new PieceFiles(midi, wav, png, wavSkipped);
    }
}
