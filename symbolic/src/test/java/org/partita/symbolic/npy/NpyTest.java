package org.partita.symbolic.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpyTest {

    /**
     * Golden bytes from numpy 2.4.6: {@code io.BytesIO(); np.save(b, arr); b.getvalue()} for the arrays
     * named in each test. Header: magic, version 1.0, uint16 length 0x76, dict padded to 128 bytes.
     */
    private static byte[] numpyFile(String dict, String dataHex) {
        String padded = dict + " ".repeat(117 - dict.length()) + "\n";
        byte[] header = padded.getBytes(StandardCharsets.US_ASCII);
        byte[] data = HexFormat.of().parseHex(dataHex);
        byte[] out = new byte[10 + header.length + data.length];
        byte[] prefix = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0};
        System.arraycopy(prefix, 0, out, 0, 10);
        System.arraycopy(header, 0, out, 10, header.length);
        System.arraycopy(data, 0, out, 10 + header.length, data.length);
        return out;
    }

    @Test
    void int32MatrixIsByteIdenticalToNumpySave() {
        // np.arange(6, dtype='<i4').reshape(2, 3)
        byte[] expected = numpyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }"
                + " ".repeat(20), "000000000100000002000000030000000400000005000000");
        assertArrayEquals(expected, Npy.int32(new int[] {0, 1, 2, 3, 4, 5}, 2, 3));
    }

    @Test
    void uint8VectorIsByteIdenticalToNumpySave() {
        // np.array([1, 0, 2], dtype='u1')
        byte[] expected = numpyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }" + " ".repeat(20),
                "010002");
        assertArrayEquals(expected, Npy.uint8(new byte[] {1, 0, 2}, 3));
    }

    @Test
    void scalarIsByteIdenticalToNumpySave() {
        // np.array(7, dtype='<i4')
        byte[] expected = numpyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (), }", "07000000");
        assertArrayEquals(expected, Npy.int32(new int[] {7}));
    }

    @Test
    void stringsAreUtf32LikeNumpy() {
        // np.array(['ab', 'Cé'])
        byte[] expected = numpyFile("{'descr': '<U2', 'fortran_order': False, 'shape': (2,), }" + " ".repeat(20),
                "610000006200000043000000e9000000");
        assertArrayEquals(expected, Npy.unicode(List.of("ab", "Cé")));
    }

    @Test
    void headerWrittenIsParsedBack() {
        byte[] npy = Npy.uint8(new byte[2 * 5 * 128], 2, 5, 128);
        NpyHeader h = Npy.readHeader(npy);
        assertEquals("|u1", h.descr());
        assertFalse(h.fortranOrder());
        assertArrayEquals(new long[] {2, 5, 128}, h.shape());
        assertEquals(0, h.dataOffset() % 64);
        assertEquals(npy.length - 2 * 5 * 128, h.dataOffset());
        assertEquals("(2, 5, 128)", h.shapeText());
    }

    @Test
    void dataReadsBackInCOrder() {
        int[] tokens = {5, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        assertArrayEquals(tokens, Npy.readInt32(Npy.int32(tokens, 4)));
        byte[] cells = {0, 1, (byte) 127, (byte) 200};
        assertArrayEquals(cells, Npy.readUint8(Npy.uint8(cells, 2, 2)));
    }

    @Test
    void emptyArrayHasZeroLengthAxis() {
        NpyHeader h = Npy.readHeader(Npy.int32(new int[0], 0, 3));
        assertArrayEquals(new long[] {0, 3}, h.shape());
        assertEquals(0, h.elementCount());
    }

    @Test
    void shapeThatDoesNotMatchTheDataIsRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.uint8(new byte[5], 2, 3));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void bytesThatAreNotNpyAreRefusedNamingTheFault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.readHeader("PK\u0003\u0004 not numpy".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("magic byte 0"), e.getMessage());
    }

    @Test
    void readingWithTheWrongTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.readInt32(Npy.uint8(new byte[4], 4)));
        assertTrue(e.getMessage().contains("|u1"), e.getMessage());
    }
}
