package org.partita.midi.audio;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.partita.midi.AtomicFiles;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;

/**
 * Renders a {@link Score} to a WAV file (16-bit signed PCM, stereo, {@link AudioOptions#sampleRateHz()})
 * offline with the JDK's Gervill synthesizer: no sound card, no real-time clock, about 20 times faster
 * than real time with the built-in General MIDI bank. Drums play on MIDI channel 10 as the
 * {@link org.partita.midi.MidiWriter} assigns them.
 *
 * <p>Every channel message is sent up front with its time in microseconds from the score's tempo
 * map; then exactly {@code round(sampleRate × (score.durationSeconds() + tail))} frames are read from
 * the synthesizer. A soundbank ({@link AudioOptions#soundfont()}, SF2 or DLS, read with
 * {@link MidiSystem#getSoundbank}) replaces the built-in bank; large ones take seconds and hundreds of
 * megabytes of heap to load.
 *
 * <p>Needs the JVM option {@value GervillAccess#ADD_EXPORTS_FLAG} (see {@link #isAvailable()}).
 * Stateless and thread-safe: every call uses its own synthesizer.
 */
public final class WavRenderer {

    /** The largest WAV file: the RIFF chunk's size field is 32 bits (and counts all but its first 8 bytes). */
    public static final long MAX_WAV_BYTES = 0xFFFFFFFFL + 8;

    /** Bytes of the WAV header {@link AudioSystem} writes before the samples. */
    private static final int HEADER_BYTES = 44;

    private WavRenderer() {
    }

    /** Size of the WAV file of {@code score}: header plus 4 bytes (16-bit stereo) per frame. */
    public static long wavBytes(Score score, AudioOptions options) {
        return HEADER_BYTES + 4 * frames(score, options);
    }

    private static long frames(Score score, AudioOptions options) {
        return Math.round(options.sampleRateHz() * (score.durationSeconds() + options.tailSeconds()));
    }

    /** True when offline rendering works in this JVM (the Gervill package is exported to Partita). */
    public static boolean isAvailable() {
        return GervillAccess.available();
    }

    /** The WAV file's bytes. */
    public static byte[] toWav(Score score, AudioOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(score, options, out);
        return out.toByteArray();
    }

    /** The WAV bytes of a Standard MIDI File, read leniently with {@link MidiReader}. */
    public static byte[] toWav(byte[] midi, String sourceName, AudioOptions options) throws IOException, MidiFormatException {
        return toWav(MidiReader.lenient().read(midi, sourceName).score(), options);
    }

    /**
     * Writes the WAV file to {@code path} through a temporary file ({@link AtomicFiles}), so {@code path} is whole
     * or untouched and gets the umask's permissions, like the MIDI files beside it.
     */
    public static void write(Score score, AudioOptions options, Path path) throws IOException {
        Path target = path.toAbsolutePath();
        Path tmp = AtomicFiles.createTemporary(target.getParent(), target.getFileName().toString());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(score, options, out);
            }
            AtomicFiles.moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the WAV file to {@code out} (neither flushed nor closed). */
    public static void write(Score score, AudioOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        long bytes = wavBytes(score, options);
        if (bytes > MAX_WAV_BYTES) {
            // checked before rendering: past 4 GiB the header's sizes wrap and players see a wrong length
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the WAV file would be %,d bytes (%.1f s at %d Hz), above the %,d bytes a WAV file can hold",
                    bytes, score.durationSeconds() + options.tailSeconds(), options.sampleRateHz(), MAX_WAV_BYTES));
        }
        Soundbank soundbank = options.soundfont() == null ? null : loadSoundbank(options.soundfont());
        TimedMessages timed = TimedMessages.of(score);
        AudioFormat format = new AudioFormat(options.sampleRateHz(), 16, 2, true, false);
        long frames = frames(score, options);

        Synthesizer synth = GervillAccess.newSynthesizer();
        try {
            Map<String, Object> info = new HashMap<>();
            if (soundbank != null) {
                info.put("load default soundbank", false); // skip building the built-in bank we would unload
            }
            AudioInputStream stream = GervillAccess.openStream(synth, format, info);
            if (soundbank != null && !synth.loadAllInstruments(soundbank)) {
                throw new IOException("soundfont " + options.soundfont() + ": Gervill loaded none of its instruments");
            }
            Receiver receiver = synth.getReceiver();
            for (int i = 0; i < timed.messages().size(); i++) {
                receiver.send(timed.messages().get(i), timed.micros()[i]);
            }
            AudioSystem.write(new AudioInputStream(stream, format, frames), AudioFileFormat.Type.WAVE, out);
        } catch (MidiUnavailableException e) {
            throw new IOException("cannot open the Gervill synthesizer: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    private static Soundbank loadSoundbank(Path soundfont) throws IOException {
        if (!Files.isRegularFile(soundfont)) {
            throw new IOException("soundfont " + soundfont + ": no such file");
        }
        try {
            return MidiSystem.getSoundbank(soundfont.toFile());
        } catch (InvalidMidiDataException e) {
            throw new IOException("soundfont " + soundfont + ": not an SF2 or DLS soundbank (" + e.getMessage() + ")", e);
        }
    }
}
