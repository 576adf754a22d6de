package org.partita.midi.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;

/** A WAV file's sizes are 32-bit: audio that cannot fit is refused before anything is rendered. */
class WavSizeLimitTest {

    /** tpq 1, tempo 16.78 s per quarter (the slowest), one note of 600 quarters: 10,066 s of music in 32 bytes. */
    static Score slowScore() throws Exception {
        byte[] track = {0x00, (byte) 0xFF, 0x51, 0x03, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                0x00, (byte) 0x90, 0x3C, 0x40, (byte) 0x84, 0x58, (byte) 0x80, 0x3C, 0x00, 0x00, (byte) 0xFF, 0x2F, 0x00};
        ByteArrayOutputStream smf = new ByteArrayOutputStream();
        smf.write(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 1, 'M', 'T', 'r', 'k', 0, 0, 0,
                (byte) track.length});
        smf.write(track);
        return MidiReader.strict().read(smf.toByteArray(), "slow.mid").score();
    }

    @Test
    void audioAbove4GiBIsRefusedBeforeRenderingAndNothingIsWritten() throws Exception {
        Score score = slowScore();
        AudioOptions options = AudioOptions.defaults().withSampleRateHz(192_000);
        assertTrue(WavRenderer.wavBytes(score, options) > WavRenderer.MAX_WAV_BYTES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WavRenderer.write(score, options, out));
        assertTrue(e.getMessage().contains("above the 4,294,967,303 bytes a WAV file can hold"), e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void sizeIsHeaderPlusFourBytesPerFrame() throws Exception {
        Score score = slowScore();
        AudioOptions options = AudioOptions.defaults().withSampleRateHz(8000).withTailSeconds(0);
        assertEquals(44 + 4 * Math.round(8000 * score.durationSeconds()), WavRenderer.wavBytes(score, options));
    }
}
