package org.partita.symbolic.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NpzTest {

    private static Map<String, byte[]> sample() {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("tokens", Npy.int32(new int[] {4, 8, 15, 16, 23, 42}, 6));
        arrays.put("frame", Npy.uint8(new byte[3 * 128], 3, 128));
        return arrays;
    }

    @ParameterizedTest
    @EnumSource(Npz.Compression.class)
    void arraysComeBackUnderTheirNamesInOrder(Npz.Compression compression) {
        Map<String, byte[]> arrays = sample();
        Map<String, byte[]> back = Npz.decode(Npz.encode(arrays, compression));
        assertEquals(List.of("tokens", "frame"), new ArrayList<>(back.keySet()));
        assertArrayEquals(arrays.get("tokens"), back.get("tokens"));
        assertArrayEquals(new int[] {4, 8, 15, 16, 23, 42}, Npy.readInt32(back.get("tokens")));
    }

    @ParameterizedTest
    @EnumSource(Npz.Compression.class)
    void entriesAreNamedDotNpyWithTheChosenMethod(Npz.Compression compression) throws IOException {
        byte[] npz = Npz.encode(sample(), compression);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertEquals(compression == Npz.Compression.STORED ? ZipEntry.STORED : ZipEntry.DEFLATED, e.getMethod());
            }
        }
        assertEquals(List.of("tokens.npy", "frame.npy"), names);
    }

    @Test
    void deflatingMostlyZeroRollsMakesThemSmall() {
        Map<String, byte[]> arrays = Map.of("frame", Npy.uint8(new byte[1000 * 128], 1000, 128));
        assertTrue(Npz.encode(arrays, Npz.Compression.DEFLATED).length < 2_000);
    }

    @Test
    void nameWithSlashIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npz.encode(Map.of("a/b", Npy.int32(new int[] {1})), Npz.Compression.STORED));
        assertTrue(e.getMessage().contains("'a/b'"), e.getMessage());
    }

    @Test
    void bytesThatAreNotZipAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Npz.decode(new byte[] {1, 2, 3, 4, 5}));
    }
}
