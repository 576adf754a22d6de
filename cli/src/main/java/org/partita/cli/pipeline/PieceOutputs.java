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
 * @param maxWavSeconds a piece longer than this (tail included) gets no WAV file, and says why
 */
public record PieceOutputs(Path dir, String namePrefix, boolean wav, boolean png, AudioOptions audio,
                           double maxWavSeconds) {

    /** The default of {@code --max-seconds}: one hour of audio (635 MB at 44.1 kHz). */
    public static final double DEFAULT_MAX_WAV_SECONDS = 3600;

    /** With {@link #DEFAULT_MAX_WAV_SECONDS}. */
    public PieceOutputs(Path dir, String namePrefix, boolean wav, boolean png, AudioOptions audio) {
        this(dir, namePrefix, wav, png, audio, DEFAULT_MAX_WAV_SECONDS);
    }

    public PieceOutputs {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(audio, "audio");
        if (!(maxWavSeconds > 0)) {
            throw new IllegalArgumentException("--max-seconds must be > 0, got " + maxWavSeconds);
        }
        if (namePrefix == null || !namePrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("namePrefix must be letters, digits, '.', '_' or '-', got '" + namePrefix + "'");
        }
    }

    /** MIDI only, named {@code sample-000.mid}, ... */
    public static PieceOutputs midiOnly(Path dir) {
        return new PieceOutputs(dir, "sample", false, false, AudioOptions.defaults());
    }

    public PieceOutputs withNamePrefix(String newNamePrefix) {
        return new PieceOutputs(dir, newNamePrefix, wav, png, audio, maxWavSeconds);
    }

    public PieceOutputs withWav(boolean newWav) {
        return new PieceOutputs(dir, namePrefix, newWav, png, audio, maxWavSeconds);
    }

    public PieceOutputs withPng(boolean newPng) {
        return new PieceOutputs(dir, namePrefix, wav, newPng, audio, maxWavSeconds);
    }

    public PieceOutputs withAudio(AudioOptions newAudio) {
        return new PieceOutputs(dir, namePrefix, wav, png, newAudio, maxWavSeconds);
    }

    public PieceOutputs withMaxWavSeconds(double newMaxWavSeconds) {
        return new PieceOutputs(dir, namePrefix, wav, png, audio, newMaxWavSeconds);
    }

    /** The name of piece {@code index}: {@code PREFIX-000}, ... */
    public String name(int index) {
        return String.format("%s-%03d", namePrefix, index);
    }
}
