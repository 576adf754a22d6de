package org.partita.symbolic.npy;

import java.util.Arrays;
import java.util.Objects;

/**
 * The header of a {@code .npy} array: numpy dtype string ({@code descr}, e.g. {@code "|u1"},
 * {@code "<i4"}), memory order and shape, and where the data starts in the file.
 *
 * @param descr        numpy dtype string
 * @param fortranOrder true for column-major data (Partita always writes false)
 * @param shape        dimensions; empty for a 0-d (scalar) array. Defensively copied.
 * @param dataOffset   byte offset of the first data byte (a multiple of 64 for files Partita writes)
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape, int dataOffset) {

    public NpyHeader {
        Objects.requireNonNull(descr, "descr");
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(shape));
            }
        }
        if (dataOffset < Npy.MAGIC.length + 4) {
            throw new IllegalArgumentException("dataOffset must be past the magic and length, got " + dataOffset);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Product of the dimensions (1 for a 0-d array). */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The shape as numpy prints it: {@code (2, 3)}, {@code (5,)}, {@code ()}. */
    public String shapeText() {
        return Npy.shapeText(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && descr.equals(h.descr) && fortranOrder == h.fortranOrder
                && Arrays.equals(shape, h.shape) && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(descr, fortranOrder, Arrays.hashCode(shape), dataOffset);
    }

    @Override
    public String toString() {
        return "NpyHeader[descr=" + descr + ", fortranOrder=" + fortranOrder + ", shape=" + shapeText()
                + ", dataOffset=" + dataOffset + "]";
    }
}
