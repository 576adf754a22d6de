package org.partita.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float32 tensors in one file, all little-endian: magic {@code PRTT}, int32 format version (1), int32
 * count, then per tensor: int32 name length, UTF-8 name, int32 rank, int64 dims, float32 values (row-major).
 * Used for model parameters and optimizer moments. Values round-trip bit for bit.
 */
public final class ParamsIo {
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "PRTT".getBytes(StandardCharsets.US_ASCII);

    public record Tensor(long[] shape, float[] values) {}

    private ParamsIo() {}

    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(MAGIC);
            out.write(le(8).putInt(FORMAT_VERSION).putInt(tensors.size()).array());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                long[] shape = e.getValue().shape();
                ByteBuffer head = le(8 + name.length + 8 * shape.length);
                head.putInt(name.length).put(name).putInt(shape.length);
                for (long d : shape) {
                    head.putLong(d);
                }
                out.write(head.array());
                float[] v = e.getValue().values();
                ByteBuffer data = le(4 * v.length);
                data.asFloatBuffer().put(v);
                out.write(data.array());
            }
        }
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(4);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a Partita tensor file (magic " + new String(magic, StandardCharsets.ISO_8859_1) + ")");
            }
            int version = readInt(in);
            if (version != FORMAT_VERSION) {
                throw new IOException(file + " has tensor format version " + version + ", expected " + FORMAT_VERSION);
            }
            int count = readInt(in);
            Map<String, Tensor> result = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = new String(readExactly(in, readInt(in), file), StandardCharsets.UTF_8);
                long[] shape = new long[readInt(in)];
                long n = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = ByteBuffer.wrap(readExactly(in, 8, file)).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    n *= shape[d];
                }
                float[] values = new float[Math.toIntExact(n)];
                ByteBuffer.wrap(readExactly(in, 4 * values.length, file)).order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer().get(values);
                result.put(name, new Tensor(shape, values));
            }
            return result;
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int readInt(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new IOException("tensor file truncated");
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] readExactly(InputStream in, int n, Path file) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException(file + " truncated: wanted " + n + " bytes, got " + b.length);
        }
        return b;
    }
}
