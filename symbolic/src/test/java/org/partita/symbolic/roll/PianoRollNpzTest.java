package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.symbolic.npy.Npy;
import org.partita.symbolic.npy.NpyHeader;
import org.partita.symbolic.npy.Npz;

class PianoRollNpzTest {

    private static final Score SCORE = new Score(24,
            List.of(Track.of("Lead", 73, false, List.of(new Note(0, 30, 72, 90))),
                    Track.of("Kit", 0, true, List.of(new Note(96, 1, 36, 100)))),
            List.of(new TempoChange(0, 500_000)), List.of(new TimeSignature(0, 3, 4)), List.of(), List.of());

    @Test
    void archiveHoldsTheDocumentedArraysWithTheirShapesAndTypes() {
        PianoRoll roll = PianoRoll.from(SCORE);
        Map<String, byte[]> arrays = Npz.decode(PianoRollNpz.encode(roll));
        assertEquals(List.of("format_version", "steps_per_quarter", "velocity", "onset", "frame", "offset", "downbeat",
                "beat", "program", "is_drum", "track_name", "tempo", "time_signature"), List.copyOf(arrays.keySet()));
        assertShape(arrays, "frame", "|u1", 2, 97, 128);
        assertShape(arrays, "onset", "|u1", 2, 97, 128);
        assertShape(arrays, "downbeat", "|u1", 97);
        assertShape(arrays, "program", "<i4", 2);
        assertShape(arrays, "tempo", "<i4", 1, 2);
        assertShape(arrays, "time_signature", "<i4", 1, 3);
        assertShape(arrays, "steps_per_quarter", "<i4");
        assertShape(arrays, "track_name", "<U4", 2);
    }

    @Test
    void arraysHoldTheRollsValues() {
        PianoRoll roll = PianoRoll.from(SCORE);
        Map<String, byte[]> arrays = PianoRollNpz.arrays(roll);
        assertArrayEquals(roll.planeCopy(RollPlane.FRAME), Npy.readUint8(arrays.get("frame")));
        assertArrayEquals(new int[] {73, 0}, Npy.readInt32(arrays.get("program")));
        assertArrayEquals(new byte[] {0, 1}, Npy.readUint8(arrays.get("is_drum")));
        assertArrayEquals(new int[] {0, 3, 4}, Npy.readInt32(arrays.get("time_signature")));
        byte[] downbeat = Npy.readUint8(arrays.get("downbeat"));
        assertEquals(1, downbeat[72]);
        assertEquals(0, downbeat[24]);
        assertArrayEquals(new int[] {24}, Npy.readInt32(arrays.get("steps_per_quarter")));
        byte[] names = arrays.get("track_name");
        String lead = new String(names, Npy.readHeader(names).dataOffset(), 16, Charset.forName("UTF-32LE"));
        assertEquals("Lead", lead);
    }

    private static void assertShape(Map<String, byte[]> arrays, String name, String descr, long... shape) {
        NpyHeader h = Npy.readHeader(arrays.get(name));
        assertEquals(descr, h.descr(), name);
        assertArrayEquals(shape, h.shape(), name + " shape " + h.shapeText());
    }
}
