package org.partita.attention;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.partita.symbolic.npy.Npy;
import org.partita.symbolic.npy.NpyHeader;

/**
 * The attention half of the interchange format: an {@code .npz} with one array {@code attn_<s>} per
 * sequence (s = 0, 1, …), shape {@code [layers, heads, n, n]}, float32 or float64, rows = queries
 * ({@code numpy.load(path)["attn_0"]}). Streams one sequence at a time: a file of many gigabytes is
 * never held in memory whole (one array must stay under 2 GB).
 */
public final class AttentionNpz {

    private static final Pattern NAME = Pattern.compile("attn_(0|[1-9][0-9]*)");

    private AttentionNpz() {
    }

    /** Reads {@code attn_<s>} arrays in order; close it to release the file. */
    public static final class Reader implements AutoCloseable {
        private final Path path;
        private final ZipFile zip;
        private final Map<Integer, ZipEntry> entries = new TreeMap<>();

        /** @throws InvalidAttentionException when the archive's arrays are not attn_0 … attn_{N-1} */
        public Reader(Path path) throws IOException {
            this.path = path;
            try {
                this.zip = new ZipFile(path.toFile());
            } catch (java.util.zip.ZipException e) {
                throw new InvalidAttentionException(path + ": not a .npz (zip) archive: " + e.getMessage(), e);
            }
            var it = zip.entries();
            while (it.hasMoreElements()) {
                ZipEntry e = it.nextElement();
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    zip.close();
                    throw new InvalidAttentionException(path + ": array '" + name + "' is not named attn_<s> (s = 0, 1, ...)");
                }
                entries.put(Integer.parseInt(m.group(1)), e);
            }
            for (int s = 0; s < entries.size(); s++) {
                if (!entries.containsKey(s)) {
                    zip.close();
                    throw new InvalidAttentionException(path + ": missing attn_" + s + " (the archive has " + entries.size()
                            + " arrays, numbered up to attn_" + ((TreeMap<Integer, ZipEntry>) entries).lastKey() + ")");
                }
            }
            if (entries.isEmpty()) {
                zip.close();
                throw new InvalidAttentionException(path + ": no attn_<s> arrays");
            }
        }

        /** Number of sequences. */
        public int sequences() {
            return entries.size();
        }

        /** The attention of sequence {@code s}, {@code [layers][heads][n][n]}. */
        public float[][][][] read(int s) throws IOException {
            ZipEntry e = entries.get(s);
            if (e == null) {
                throw new InvalidAttentionException(path + ": missing attn_" + s);
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(e)) {
                bytes = in.readAllBytes();
            }
            String where = path + ": attn_" + s;
            float[] flat;
            long[] shape;
            try {
                NpyHeader h = Npy.readHeader(bytes);
                shape = h.shape();
                if (shape.length != 4 || shape[2] != shape[3]) {
                    throw new InvalidAttentionException(where + ": shape " + h.shapeText()
                            + " is not [layers, heads, n, n] (4 axes, square n x n)");
                }
                flat = Npy.readFloats(bytes);
            } catch (InvalidAttentionException ex) {
                throw ex;
            } catch (IllegalArgumentException ex) {
                throw new InvalidAttentionException(where + ": " + ex.getMessage(), ex);
            }
            int layers = (int) shape[0];
            int heads = (int) shape[1];
            int n = (int) shape[2];
            float[][][][] out = new float[layers][heads][n][n];
            int i = 0;
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    for (int q = 0; q < n; q++) {
                        System.arraycopy(flat, i, out[l][h][q], 0, n);
                        i += n;
                    }
                }
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Writes {@code attn_<s>} arrays (float32, stored uncompressed as {@code numpy.savez} does). */
    public static final class Writer implements AutoCloseable {
        private final ZipOutputStream zip;
        private int next;

        public Writer(Path path) throws IOException {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
            this.zip = new ZipOutputStream(out);
        }

        /** Appends the next sequence ({@code attn_0} first). */
        public void write(float[][][][] weights) throws IOException {
            int layers = weights.length;
            int heads = layers == 0 ? 0 : weights[0].length;
            int n = heads == 0 ? 0 : weights[0][0].length;
            float[] flat = new float[Math.multiplyExact(Math.multiplyExact(layers * heads, n), n)];
            int i = 0;
            for (float[][][] layer : weights) {
                for (float[][] head : layer) {
                    for (float[] row : head) {
                        System.arraycopy(row, 0, flat, i, n);
                        i += n;
                    }
                }
            }
            byte[] data = Npy.float32(flat, layers, heads, n, n);
            CRC32 crc = new CRC32();
            crc.update(data);
            ZipEntry e = new ZipEntry("attn_" + next++ + ".npy");
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
