package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * A small hand-written check of our own byte layout (independent of javax.sound.midi): the MThd
 * header fields and the exact bytes of short track chunks, including running status.
 */
class SmfLayoutTest {

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    @Test
    void headerIsMThdLengthSixFormatOneWithChunkCountAndDivision() {
        Score score = Score.empty(384).withTracks(List.of(
                Track.of("a", 0, false, List.of()), Track.of("b", 0, true, List.of())));
        byte[] b = MidiWriter.toBytes(score, 384);
        assertEquals("MThd", new String(b, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(6, u32(b, 4));
        assertEquals(1, u16(b, 8), "format");
        assertEquals(3, u16(b, 10), "conductor + 2 tracks");
        assertEquals(384, u16(b, 12), "division, top bit clear = ticks per quarter");
        assertEquals("MTrk", new String(b, 14, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void largestDivisionKeepsTheTopBitClear() {
        byte[] b = MidiWriter.toBytes(Score.empty(32767), 32767);
        assertEquals(0x7F, b[12] & 0xFF);
        assertEquals(0xFF, b[13] & 0xFF);
    }

    @Test
    void emptyScoreIsHeaderPlusAnEmptyConductorChunk() {
        byte[] b = MidiWriter.toBytes(Score.empty(480), 480);
        byte[] expected = {
            'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 0x01, (byte) 0xE0,
            'M', 'T', 'r', 'k', 0, 0, 0, 4, 0, (byte) 0xFF, 0x2F, 0,
        };
        assertArrayEquals(expected, b);
    }

    @Test
    void chordUsesRunningStatusAndMetaEventsCancelIt() {
        Track chord = Track.of("P", 0, false, List.of(
                new Note(0, 0x80, 60, 100), new Note(0, 0x80, 64, 101), new Note(0, 0x80, 67, 102)));
        byte[] chunk = TrackChunkEncoder.encode(TrackEventOrder.events(chord, 0), "test");
        byte[] expected = {
            'M', 'T', 'r', 'k', 0, 0, 0, 33,
            0, (byte) 0xFF, 0x03, 1, 'P',       // track name
            0, (byte) 0xC0, 0,                  // program change
            0, (byte) 0x90, 60, 100,            // note-on with status
            0, 64, 101,                         // running status
            0, 67, 102,
            (byte) 0x81, 0, (byte) 0x80, 60, 64, // delta 0x80 as two VLQ bytes, note-off
            0, 64, 64,
            0, 67, 64,
            0, (byte) 0xFF, 0x2F, 0,            // End of Track
        };
        assertArrayEquals(expected, chunk);
    }

    @Test
    void channelStatusIsRepeatedAfterAMetaEvent() {
        List<SmfEvent> events = List.of(
                new SmfEvent.Channel(0, 0x90, 60, 1),
                new SmfEvent.Meta(0, 0x01, new byte[] {'x'}),
                new SmfEvent.Channel(0, 0x90, 61, 1));
        byte[] chunk = TrackChunkEncoder.encode(events, "test");
        byte[] body = java.util.Arrays.copyOfRange(chunk, 8, chunk.length);
        byte[] expected = {0, (byte) 0x90, 60, 1, 0, (byte) 0xFF, 0x01, 1, 'x', 0, (byte) 0x90, 61, 1,
            0, (byte) 0xFF, 0x2F, 0};
        assertArrayEquals(expected, body);
    }
}
