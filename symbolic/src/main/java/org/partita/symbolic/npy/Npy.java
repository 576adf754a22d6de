package org.partita.symbolic.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes arrays as numpy {@code .npy} bytes (format version 1.0) and reads such headers back. Pure:
 * no file I/O; stateless and thread-safe.
 *
 * <p>Written: the magic {@code \x93NUMPY}, version 1.0, a little-endian uint16 header length, then an
 * ASCII Python dict such as {@code {'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }}
 * padded with spaces and ended by a newline so the data starts at a multiple of 64 bytes, exactly as
 * {@code numpy.save} pads it (byte-identical output); then the data in C (row-major) order. Types written: {@code |u1} (uint8), {@code <i4} (int32 little-endian)
 * and {@code <Un} (fixed-width Unicode strings, UTF-32LE, as numpy stores {@code str} arrays).
 * {@code numpy.load} reads all of them without {@code allow_pickle}.
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int PREFIX_BYTES = 10; // magic, version, uint16 header length
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** A uint8 array ({@code |u1}) of the given shape; {@code data.length} must equal the shape's product. */
    public static byte[] uint8(byte[] data, long... shape) {
        Objects.requireNonNull(data, "data");
        return uint8(ByteBuffer.wrap(data), shape);
    }

    /** A uint8 array from the remaining bytes of {@code data} (its position is not changed). */
    public static byte[] uint8(ByteBuffer data, long... shape) {
        ByteBuffer src = data.duplicate();
        byte[] header = header("|u1", shape, src.remaining());
        byte[] out = new byte[header.length + src.remaining()];
        System.arraycopy(header, 0, out, 0, header.length);
        src.get(out, header.length, src.remaining());
        return out;
    }

    /** An int32 array ({@code <i4}, little-endian) of the given shape, e.g. token ids {@code (n,)}. */
    public static byte[] int32(int[] data, long... shape) {
        Objects.requireNonNull(data, "data");
        byte[] header = header("<i4", shape, data.length);
        ByteBuffer out = ByteBuffer.allocate(header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asIntBuffer().put(data);
        return out.array();
    }

    /** A float32 array ({@code <f4}, little-endian) of the given shape, e.g. attention {@code (layers, heads, n, n)}. */
    public static byte[] float32(float[] data, long... shape) {
        Objects.requireNonNull(data, "data");
        byte[] header = header("<f4", shape, data.length);
        ByteBuffer out = ByteBuffer.allocate(header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asFloatBuffer().put(data);
        return out.array();
    }

    /**
     * The data of a C-order float32 or float64 array ({@code <f4}, {@code >f4}, {@code <f8}, {@code >f8}) as
     * floats: float64 values are rounded to the nearest float (relative error at most 2^-24).
     */
    public static float[] readFloats(byte[] npy) {
        NpyHeader h = readHeader(npy);
        String d = h.descr();
        if (h.fortranOrder() || d.length() != 3 || (d.charAt(0) != '<' && d.charAt(0) != '>' && d.charAt(0) != '=')
                || d.charAt(1) != 'f' || (d.charAt(2) != '4' && d.charAt(2) != '8')) {
            throw new IllegalArgumentException("expected a C-order float32 or float64 array, got descr " + d
                    + (h.fortranOrder() ? " in Fortran order" : ""));
        }
        int itemBytes = d.charAt(2) - '0';
        long bytes = h.elementCount() * itemBytes;
        if (h.dataOffset() + bytes != npy.length) {
            throw new IllegalArgumentException(".npy data is " + (npy.length - h.dataOffset()) + " bytes, shape "
                    + h.shapeText() + " of " + d + " needs " + bytes);
        }
        ByteOrder order = d.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(npy, h.dataOffset(), (int) bytes).order(order);
        float[] out = new float[(int) h.elementCount()];
        if (itemBytes == 4) {
            b.asFloatBuffer().get(out);
        } else {
            java.nio.DoubleBuffer db = b.asDoubleBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) db.get(i);
            }
        }
        return out;
    }

    /**
     * A 1-d array of strings, dtype {@code <Un} with {@code n} the longest string's length in code points
     * (at least 1); shorter strings are padded with NUL code points, as numpy does.
     */
    public static byte[] unicode(List<String> strings) {
        int width = 1;
        for (String s : strings) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        byte[] header = header("<U" + width, new long[] {strings.size()}, strings.size());
        ByteBuffer out = ByteBuffer.allocate(header.length + 4 * width * strings.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        for (String s : strings) {
            int[] cps = s.codePoints().toArray();
            for (int i = 0; i < width; i++) {
                out.putInt(i < cps.length ? cps[i] : 0);
            }
        }
        return out.array();
    }

    /**
     * Reads the header of {@code .npy} bytes (version 1.x, 2.x or 3.x).
     *
     * @throws IllegalArgumentException naming what is wrong when the bytes are not a {@code .npy} array
     */
    public static NpyHeader readHeader(byte[] npy) {
        Objects.requireNonNull(npy, "npy");
        if (npy.length < MAGIC.length + 4) {
            throw new IllegalArgumentException("not a .npy array: " + npy.length + " bytes, shorter than the magic and header length");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (npy[i] != MAGIC[i]) {
                throw new IllegalArgumentException("not a .npy array: magic byte " + i + " is 0x"
                        + Integer.toHexString(npy[i] & 0xFF));
            }
        }
        int major = npy[6] & 0xFF;
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (npy.length < 12) {
                throw new IllegalArgumentException(".npy version " + major + " header length is cut off at " + npy.length + " bytes");
            }
            headerLength = b.getInt(8) & 0xFFFFFFFFL;
            start = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy format version " + major + "." + (npy[7] & 0xFF));
        }
        if (start + headerLength > npy.length) {
            throw new IllegalArgumentException(".npy header length " + headerLength + " runs past the end of "
                    + npy.length + " bytes");
        }
        String dict = new String(npy, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException(".npy header lacks descr, fortran_order or shape: " + dict.strip());
        }
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(".npy shape has a non-integer dimension '" + part.strip() + "'", e);
                }
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new NpyHeader(d.group(1), f.group(1).equals("True"), shape, (int) (start + headerLength));
    }

    /** The data of a {@code |u1} array written in C order. */
    public static byte[] readUint8(byte[] npy) {
        NpyHeader h = expect(npy, "|u1", 1);
        byte[] out = new byte[(int) h.elementCount()];
        System.arraycopy(npy, h.dataOffset(), out, 0, out.length);
        return out;
    }

    /** The data of a {@code <i4} array written in C order. */
    public static int[] readInt32(byte[] npy) {
        NpyHeader h = expect(npy, "<i4", 4);
        int[] out = new int[(int) h.elementCount()];
        ByteBuffer.wrap(npy, h.dataOffset(), out.length * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    private static NpyHeader expect(byte[] npy, String descr, int itemBytes) {
        NpyHeader h = readHeader(npy);
        if (!h.descr().equals(descr) || h.fortranOrder()) {
            throw new IllegalArgumentException("expected a C-order " + descr + " array, got descr " + h.descr()
                    + (h.fortranOrder() ? " in Fortran order" : ""));
        }
        long bytes = h.elementCount() * itemBytes;
        if (h.dataOffset() + bytes != npy.length) {
            throw new IllegalArgumentException(".npy data is " + (npy.length - h.dataOffset()) + " bytes, shape "
                    + h.shapeText() + " of " + descr + " needs " + bytes);
        }
        return h;
    }

    static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static byte[] header(String descr, long[] shape, long elements) {
        Objects.requireNonNull(shape, "shape");
        long product = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + shapeText(shape));
            }
            product = Math.multiplyExact(product, d);
        }
        if (product != elements) {
            throw new IllegalArgumentException("shape " + shapeText(shape) + " holds " + product + " elements, data has "
                    + elements);
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        if (shape.length > 0) {
            // numpy leaves room for the first axis to grow to 21 digits; doing the same makes our bytes
            // identical to numpy.save's (checked against numpy 2.4.6 in NpyTest).
            dict += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int withNewline = dict.length() + 1;
        int pad = ALIGN - (PREFIX_BYTES + withNewline) % ALIGN; // 1..64, as numpy computes it
        String padded = dict + " ".repeat(pad) + "\n";
        if (padded.length() > 0xFFFF) {
            throw new IllegalArgumentException("shape " + shapeText(shape) + " makes a header too long for .npy 1.0");
        }
        int total = PREFIX_BYTES + padded.length();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
        out.put(padded.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }
}
