package org.partita.midi.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;

class WavRendererTest {

    /** Four bars of a synthetic piece with melody, chords, bass and drums. */
    static Score piece;
    static byte[] wav;

    @BeforeAll
    static void render() throws IOException {
        Score full = SyntheticCorpus.generate(7, 1).get(0);
        piece = full.clipped(0, full.timeGrid().barStartTick(4));
        wav = WavRenderer.toWav(piece, AudioOptions.defaults());
    }

    @Test
    void writesA16BitStereo44kHzPcmWaveHeader() throws Exception {
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        assertEquals(AudioFileFormat.Type.WAVE, file.getType());
        AudioFormat f = file.getFormat();
        assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
        assertEquals(44_100f, f.getSampleRate());
        assertEquals(16, f.getSampleSizeInBits());
        assertEquals(2, f.getChannels());
        assertTrue(!f.isBigEndian());
    }

    @Test
    void lastsTheScoreThenTheTail() throws Exception {
        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        double seconds = file.getFrameLength() / (double) file.getFormat().getFrameRate();
        assertEquals(piece.durationSeconds() + 1.5, seconds, 1.0 / 44_100);
        assertTrue(piece.durationSeconds() > 5, "the piece is several seconds long: " + piece.durationSeconds());
    }

    @Test
    void soundsWhileTheScorePlaysAndFadesInTheTail() {
        short[] samples = samples(wav);
        int framesOfMusic = (int) (piece.durationSeconds() * 44_100);
        double music = rms(samples, 0, 2 * framesOfMusic);
        double lastTenth = rms(samples, samples.length - 2 * 4_410, samples.length);
        assertTrue(music > 300, "RMS while playing should be clearly above silence, got " + music);
        assertTrue(lastTenth < music / 4, "the end of the tail should be quiet: " + lastTenth + " vs " + music);
    }

    @Test
    void sameScoreGivesTheSameBytes() throws IOException {
        assertArrayEquals(wav, WavRenderer.toWav(piece, AudioOptions.defaults()));
    }

    @Test
    void rendersMidiBytesLikeTheScoreTheyHold() throws Exception {
        byte[] midi = MidiWriter.toBytes(piece, 480);
        assertArrayEquals(wav, WavRenderer.toWav(midi, "piece.mid", AudioOptions.defaults()));
    }

    @Test
    void tailAndSampleRateSetTheLength() throws Exception {
        byte[] shortTail = WavRenderer.toWav(piece, AudioOptions.defaults().withTailSeconds(0).withSampleRateHz(22_050));
        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(shortTail));
        assertEquals(22_050f, file.getFormat().getSampleRate());
        assertEquals(Math.round(22_050 * piece.durationSeconds()), file.getFrameLength());
    }

    @Test
    void writesTheFileWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("piece.wav");
        WavRenderer.write(piece, AudioOptions.defaults(), out);
        assertArrayEquals(wav, Files.readAllBytes(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aFileThatIsNoSoundbankIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.sf2"), "not a soundfont");
        IOException e = assertThrows(IOException.class,
                () -> WavRenderer.toWav(piece, AudioOptions.defaults().withSoundfont(fake)));
        assertTrue(e.getMessage().contains("fake.sf2"), e.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> WavRenderer.toWav(piece, AudioOptions.defaults().withSoundfont(dir.resolve("none.sf2"))));
        assertTrue(missing.getMessage().contains("none.sf2: no such file"), missing.getMessage());
    }

    @Test
    void optionsOutOfRangeAreRefusedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> AudioOptions.defaults().withSampleRateHz(100));
        assertTrue(e.getMessage().contains("got 100"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AudioOptions.defaults().withTailSeconds(-1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
    }

    static short[] samples(byte[] wav) {
        int dataStart = 44;
        ByteBuffer b = ByteBuffer.wrap(wav, dataStart, wav.length - dataStart).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[(wav.length - dataStart) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort();
        }
        return out;
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
