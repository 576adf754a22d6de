package org.partita.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.symbolic.npy.Npy;
import org.partita.symbolic.npy.Npz;

class InterchangeTest {

    @TempDir
    Path dir;

    private static TokenAttributes attrs(int n) {
        int[] note = new int[n];
        int[] pitch = new int[n];
        for (int i = 0; i < n; i++) {
            note[i] = i % 3 == 0 ? -1 : i / 3;
            pitch[i] = note[i] < 0 ? Fixtures.X : 60 + i;
        }
        return Fixtures.attrs(note, Fixtures.range(n), pitch);
    }

    private Path[] write(float[][][][]... seqs) throws IOException {
        Path npz = dir.resolve("attn.npz");
        Path csv = dir.resolve("tokens.csv");
        try (AttentionNpz.Writer w = new AttentionNpz.Writer(npz); AttributesCsv.Writer c = new AttributesCsv.Writer(csv)) {
            for (float[][][][] s : seqs) {
                w.write(s);
                c.write(attrs(s[0][0].length));
            }
        }
        return new Path[] {npz, csv};
    }

    @Test
    void writtenSequencesReadBackEqual() throws IOException {
        float[][][][] a = {{Fixtures.uniform(5), Fixtures.uniform(5)}, {Fixtures.uniform(5), Fixtures.uniform(5)}};
        a[1][0][3] = new float[] {0.125f, 0.5f, 0.25f, 0.125f, 0f};
        float[][][][] b = {{Fixtures.uniform(7), Fixtures.uniform(7)}, {Fixtures.uniform(7), Fixtures.uniform(7)}};
        Path[] f = write(a, b);
        try (AttentionFiles files = new AttentionFiles(f[0], f[1])) {
            assertEquals(2, files.sequences());
            SequenceAttention s0 = files.read(0);
            assertEquals(attrs(5), s0.attributes());
            assertArrayEquals(a[1][0][3], s0.weights()[1][0][3]);
            assertEquals(7, files.read(1).tokens());
        }
        assertTrue(Files.readString(f[1]).startsWith(AttributesCsv.HEADER + "\n0,0,,0,0,0,,\n0,1,0,0,1,0,61,0\n"),
                Files.readString(f[1]).substring(0, 80));
    }

    @Test
    void float64ArraysAreRead() throws IOException {
        int n = 3;
        double[] data = new double[n * n];
        float[][] u = Fixtures.uniform(n);
        for (int q = 0; q < n; q++) {
            for (int t = 0; t < n; t++) {
                data[q * n + t] = u[q][t];
            }
        }
        byte[] npy = float64(data, 1, 1, n, n);
        Path npz = dir.resolve("f8.npz");
        Files.write(npz, Npz.encode(Map.of("attn_0", npy), Npz.Compression.DEFLATED));
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, AttributesCsv.HEADER + "\n0,0,,,0,,,\n0,1,,,1,,,\n0,2,,,2,,,\n");
        try (AttentionFiles files = new AttentionFiles(npz, csv)) {
            assertArrayEquals(u[2], files.read(0).weights()[0][0][2]);
        }
    }

    /** numpy's {@code <f8} layout, written by hand: the header from the float32 writer with the descr swapped. */
    private static byte[] float64(double[] data, long... shape) {
        byte[] f4 = Npy.float32(new float[data.length], shape);
        int offset = Npy.readHeader(f4).dataOffset();
        String header = new String(f4, 0, offset, StandardCharsets.ISO_8859_1).replace("<f4", "<f8");
        ByteBuffer out = ByteBuffer.allocate(offset + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        out.asDoubleBuffer().put(data);
        return out.array();
    }

    private String errorOf(float[][][][] a) throws IOException {
        Path[] f = write(Fixtures.oneLayer(Fixtures.uniform(4)), a);
        try (AttentionFiles files = new AttentionFiles(f[0], f[1])) {
            files.read(0);
            return assertThrows(InvalidAttentionException.class, () -> files.read(1)).getMessage();
        }
    }

    @Test
    void rowsNotSummingToOneAreRefusedNamingSequenceAndRow() throws IOException {
        float[][] a = Fixtures.uniform(4);
        a[2][0] = 0.2f;
        String m = errorOf(Fixtures.oneLayer(a));
        assertTrue(m.contains("sequence 1, layer 0, head 0, row 2") && m.contains("sum to"), m);
    }

    @Test
    void nanAndNegativeWeightsAreRefused() throws IOException {
        float[][] a = Fixtures.uniform(4);
        a[3][1] = Float.NaN;
        assertTrue(errorOf(Fixtures.oneLayer(a)).contains("row 3: weight NaN at key 1"));
        float[][] b = Fixtures.uniform(4);
        b[1][0] = -0.5f;
        b[1][1] = 1.5f;
        assertTrue(errorOf(Fixtures.oneLayer(b)).contains("row 1: weight -0.5 at key 0"));
    }

    @Test
    void nonSquareArraysAreRefused() throws IOException {
        byte[] npy = Npy.float32(new float[2 * 3], 1, 1, 2, 3);
        Path npz = dir.resolve("ns.npz");
        Files.write(npz, Npz.encode(Map.of("attn_0", npy), Npz.Compression.STORED));
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, AttributesCsv.HEADER + "\n0,0,,,,,,\n0,1,,,,,,\n");
        try (AttentionFiles files = new AttentionFiles(npz, csv)) {
            String m = assertThrows(InvalidAttentionException.class, () -> files.read(0)).getMessage();
            assertTrue(m.contains("attn_0: shape (1, 1, 2, 3) is not [layers, heads, n, n]"), m);
        }
    }

    @Test
    void csvRowsNotMatchingNAreRefused() throws IOException {
        Path[] f = write(Fixtures.oneLayer(Fixtures.uniform(4)));
        Files.writeString(f[1], AttributesCsv.HEADER + "\n0,0,,,,,,\n0,1,,,,,,\n0,2,,,,,,\n");
        try (AttentionFiles files = new AttentionFiles(f[0], f[1])) {
            String m = assertThrows(InvalidAttentionException.class, () -> files.read(0)).getMessage();
            assertTrue(m.contains("sequence 0 has 3 rows, attn_0 is 4 x 4"), m);
        }
    }

    @Test
    void aMissingArrayIsNamed() throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("attn_0", Npy.float32(new float[] {1f}, 1, 1, 1, 1));
        arrays.put("attn_2", Npy.float32(new float[] {1f}, 1, 1, 1, 1));
        Path npz = dir.resolve("gap.npz");
        Files.write(npz, Npz.encode(arrays, Npz.Compression.STORED));
        String m = assertThrows(InvalidAttentionException.class, () -> new AttentionNpz.Reader(npz)).getMessage();
        assertTrue(m.contains("missing attn_1"), m);
    }

    @Test
    void badCsvCellsNameTheLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, AttributesCsv.HEADER + "\n0,0,,,1,,,\n0,1,,,x,,,\n");
        String m = assertThrows(InvalidAttentionException.class, () -> AttributesCsv.read(csv)).getMessage();
        assertTrue(m.contains("line 3: beat 'x' is not an integer"), m);
        Files.writeString(csv, "seq,token,beat\n");
        assertTrue(assertThrows(InvalidAttentionException.class, () -> AttributesCsv.read(csv)).getMessage()
                .contains("line 1: header must be exactly"));
    }
}
