package org.partita.cli.pipeline;

import java.util.Objects;
import java.nio.file.Path;
import org.partita.midi.audio.AudioOptions;

/**
 * Where and how generated pieces are written: always {@code NAME.mid} (480 ticks per quarter), optionally
 * {@code NAME.wav} and {@code NAME.png}.
 *
 * @param dir        folder to write to (created if missing); files of the same names are replaced
 * @param namePrefix pieces are {@code PREFIX-000}, {@code PREFIX-001}, ...
 * @param wav        also render a WAV file
 * @param png        also draw the piano roll
 * @param audio      how to render WAV files
 */
public record PieceOutputs(Path dir, String namePrefix, boolean wav, boolean png, AudioOptions audio) {

    public PieceOutputs {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(audio, "audio");
        if (namePrefix == null || !namePrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("namePrefix must be letters, digits, '.', '_' or '-', got '" + namePrefix + "'");
        }
    }

    /** MIDI only, named {@code sample-000.mid}, ... */
    public static PieceOutputs midiOnly(Path dir) {
        return new PieceOutputs(dir, "sample", false, false, AudioOptions.defaults());
    }

    public PieceOutputs withNamePrefix(String newNamePrefix) {
        return new PieceOutputs(dir, newNamePrefix, wav, png, audio);
    }

    public PieceOutputs withWav(boolean newWav) {
        return new PieceOutputs(dir, namePrefix, newWav, png, audio);
    }

    public PieceOutputs withPng(boolean newPng) {
        return new PieceOutputs(dir, namePrefix, wav, newPng, audio);
    }

    public PieceOutputs withAudio(AudioOptions newAudio) {
        return new PieceOutputs(dir, namePrefix, wav, png, newAudio);
    }

    /** The name of piece {@code index}: {@code PREFIX-000}, ... */
    public String name(int index) {
        return String.format("%s-%03d", namePrefix, index);
    }
}
