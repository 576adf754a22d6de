package org.partita.evaluation.memorisation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads a {@link MemorisationIndex} as one binary stream (big-endian): the magic {@code PMEMIDX1},
 * format version 1, the settings, the training file names, the lines (start, source, label) and the arrays of
 * tokens, pitches, bars and sorted hash entries. The caller opens and closes the streams (buffered).
 */
public final class MemorisationIndexFormat {

    /** Version of the layout written; {@link #load} refuses any other. */
    public static final int VERSION = 1;
    private static final long MAGIC = 0x504D454D49445831L; // "PMEMIDX1"
    private static final int CHUNK = 1 << 16;

    private MemorisationIndexFormat() {
    }

    public static void save(MemorisationIndex index, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeLong(MAGIC);
        d.writeInt(VERSION);
        MemorisationSettings s = index.settings;
        d.writeInt(s.stepsPerQuarter());
        d.writeInt(s.seedNotes());
        d.writeDouble(s.minBars());
        d.writeInt(s.minNotes());
        d.writeInt(index.sources.size());
        for (String source : index.sources) {
            d.writeUTF(source);
        }
        d.writeInt(index.lineSource.length);
        for (int i = 0; i < index.lineSource.length; i++) {
            d.writeInt(index.lineStart[i]);
            d.writeInt(index.lineSource[i]);
            d.writeUTF(index.lineLabels.get(i));
        }
        d.writeInt(index.tokens.length);
        writeInts(d, index.tokens);
        d.write(index.pitches);
        writeInts(d, index.bars);
        d.writeInt(index.entries.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < index.entries.length; from += CHUNK) {
            int n = Math.min(CHUNK, index.entries.length - from);
            buf.clear();
            buf.asLongBuffer().put(index.entries, from, n);
            d.write(buf.array(), 0, n * 8);
        }
        d.flush();
    }

    /** @throws IOException when the stream is not an index of this version, naming what was found */
    public static MemorisationIndex load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        long magic = d.readLong();
        if (magic != MAGIC) {
            throw new IOException("not a Partita memorisation index: expected magic PMEMIDX1, found 0x"
                    + Long.toHexString(magic));
        }
        int version = d.readInt();
        if (version != VERSION) {
            throw new IOException("memorisation index format version " + version + " is not supported (this "
                    + "Partita reads version " + VERSION + "); rebuild it with partita evaluate --index-training");
        }
        MemorisationSettings s = new MemorisationSettings(d.readInt(), d.readInt(), d.readDouble(), d.readInt());
        int nSources = d.readInt();
        List<String> sources = new ArrayList<>(nSources);
        for (int i = 0; i < nSources; i++) {
            sources.add(d.readUTF());
        }
        int nLines = d.readInt();
        int[] lineStart = new int[nLines + 1];
        int[] lineSource = new int[nLines];
        List<String> labels = new ArrayList<>(nLines);
        for (int i = 0; i < nLines; i++) {
            lineStart[i] = d.readInt();
            lineSource[i] = d.readInt();
            labels.add(d.readUTF());
        }
        int n = d.readInt();
        lineStart[nLines] = n;
        int[] tokens = readInts(d, n);
        byte[] pitches = new byte[n];
        d.readFully(pitches);
        int[] bars = readInts(d, n);
        int nEntries = d.readInt();
        long[] entries = new long[nEntries];
        byte[] chunk = new byte[CHUNK * 8];
        for (int from = 0; from < nEntries; from += CHUNK) {
            int m = Math.min(CHUNK, nEntries - from);
            d.readFully(chunk, 0, m * 8);
            ByteBuffer.wrap(chunk, 0, m * 8).order(ByteOrder.BIG_ENDIAN).asLongBuffer().get(entries, from, m);
        }
        return new MemorisationIndex(s, sources, lineStart, lineSource, labels, tokens, pitches, bars, entries);
    }

    private static void writeInts(DataOutputStream d, int[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            buf.clear();
            buf.asIntBuffer().put(values, from, n);
            d.write(buf.array(), 0, n * 4);
        }
    }

    private static int[] readInts(DataInputStream d, int n) throws IOException {
        int[] values = new int[n];
        byte[] chunk = new byte[CHUNK * 4];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            d.readFully(chunk, 0, m * 4);
            ByteBuffer.wrap(chunk, 0, m * 4).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(values, from, m);
        }
        return values;
    }
}
