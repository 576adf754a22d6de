package org.partita.symbolic.npy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Encodes named {@code .npy} arrays as numpy {@code .npz} bytes (a zip archive with one
 * {@code NAME.npy} entry per array, as {@code numpy.savez} writes), in memory with
 * {@code java.util.zip}; {@code numpy.load(path)} returns a mapping from NAME to array. Pure: no file
 * I/O; stateless and thread-safe.
 */
public final class Npz {

    /** How entries are stored. */
    public enum Compression {
        /** Entries stored as they are, like {@code numpy.savez}. */
        STORED,
        /** Entries deflated, like {@code numpy.savez_compressed} (piano rolls are mostly zeros). */
        DEFLATED
    }

    private Npz() {
    }

    /**
     * The archive of {@code arrays} (name → {@code .npy} bytes from {@link Npy}), entries in the map's
     * iteration order. Names must be non-empty and free of {@code '/'}.
     */
    public static byte[] encode(Map<String, byte[]> arrays, Compression compression) {
        Objects.requireNonNull(arrays, "arrays");
        Objects.requireNonNull(compression, "compression");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED); // zeros compress well at any level; speed matters more
            for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
                String name = e.getKey();
                if (name == null || name.isEmpty() || name.contains("/")) {
                    throw new IllegalArgumentException("array names must be non-empty without '/', got '" + name + "'");
                }
                byte[] data = Objects.requireNonNull(e.getValue(), "array " + name);
                ZipEntry entry = new ZipEntry(name + ".npy");
                if (compression == Compression.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCompressedSize(data.length);
                    entry.setCrc(crc.getValue());
                } else {
                    entry.setMethod(ZipEntry.DEFLATED);
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory zip does not fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The arrays of an archive, name (without {@code .npy}) → {@code .npy} bytes, in entry order.
     *
     * @throws IllegalArgumentException when the bytes are not a zip archive of {@code .npy} entries
     */
    public static Map<String, byte[]> decode(byte[] npz) {
        Objects.requireNonNull(npz, "npz");
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    throw new IllegalArgumentException(".npz entry '" + name + "' is not a .npy file");
                }
                out.put(name.substring(0, name.length() - 4), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable .npz archive: " + e.getMessage(), e);
        }
        if (out.isEmpty() && npz.length > 0 && !(npz.length == 22 && npz[0] == 'P')) {
            throw new IllegalArgumentException("not a .npz archive: no zip entries in " + npz.length + " bytes");
        }
        return out;
    }
}
