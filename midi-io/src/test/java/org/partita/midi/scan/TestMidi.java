package org.partita.midi.scan;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Small MIDI files built byte by byte, so scanner tests do not depend on the writer. */
final class TestMidi {

    private TestMidi() {
    }

    /** Format 0, 96 ticks per quarter, one note (middle C, a quarter long) on program 0. */
    static byte[] oneNote() {
        return smf("00ff51 03 07a120" + "00c000" + "009040 64" + "608040 00" + "00ff2f00");
    }

    /** Like {@link #oneNote()} but the track has no End of Track event: lenient readers repair it. */
    static byte[] oneNoteWithoutEndOfTrack() {
        return smf("00c000" + "009040 64" + "608040 00");
    }

    /** Bytes that are not a MIDI file. */
    static byte[] garbage() {
        return new byte[] {'n', 'o', 't', ' ', 'm', 'i', 'd', 'i'};
    }

    private static byte[] smf(String trackHex) {
        byte[] track = HexFormat.of().parseHex(trackHex.replace(" ", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HexFormat.of().parseHex("4d546864 00000006 0000 0001 0060".replace(" ", "")));
        out.writeBytes(HexFormat.of().parseHex("4d54726b"));
        out.writeBytes(new byte[] {0, 0, (byte) (track.length >> 8), (byte) track.length});
        out.writeBytes(track);
        return out.toByteArray();
    }
}
