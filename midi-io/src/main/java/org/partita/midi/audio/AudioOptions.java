package org.partita.midi.audio;

import java.nio.file.Path;

/**
 * How {@link WavRenderer} renders: always 16-bit signed little-endian PCM, stereo. Immutable; change
 * it with the {@code withX} copies.
 *
 * @param sampleRateHz sample rate, 8000..192000 Hz (default 44100)
 * @param tailSeconds  silence rendered after the score's end so releases and reverb can ring out,
 *                     0..30 s (default 1.5)
 * @param soundfont    an SF2 or DLS soundbank to play with, or null for the JDK's built-in bank
 */
public record AudioOptions(int sampleRateHz, double tailSeconds, Path soundfont) {

    public AudioOptions {
        if (sampleRateHz < 8_000 || sampleRateHz > 192_000) {
            throw new IllegalArgumentException("sampleRateHz must be in 8000..192000, got " + sampleRateHz);
        }
        if (!(tailSeconds >= 0 && tailSeconds <= 30)) {
            throw new IllegalArgumentException("tailSeconds must be in 0..30, got " + tailSeconds);
        }
    }

    /** 44.1 kHz, a 1.5 s tail, the built-in soundbank. */
    public static AudioOptions defaults() {
        return new AudioOptions(44_100, 1.5, null);
    }

    public AudioOptions withSampleRateHz(int newSampleRateHz) {
        return new AudioOptions(newSampleRateHz, tailSeconds, soundfont);
    }

    public AudioOptions withTailSeconds(double newTailSeconds) {
        return new AudioOptions(sampleRateHz, newTailSeconds, soundfont);
    }

    /** A copy playing with the soundbank at {@code newSoundfont} (null: the built-in bank). */
    public AudioOptions withSoundfont(Path newSoundfont) {
        return new AudioOptions(sampleRateHz, tailSeconds, newSoundfont);
    }
}
