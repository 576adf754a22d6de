package org.partita.attention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An {@code .npz} of attention with its attribute CSV, read together and checked against each other:
 * every {@code attn_<s>} has CSV rows for sequence {@code s}, as many as its {@code n}, and no other
 * sequence is in the CSV. {@link #read} returns one validated sequence at a time.
 */
public final class AttentionFiles implements AutoCloseable {

    private final AttentionNpz.Reader npz;
    private final Map<Integer, TokenAttributes> attributes;
    private final Path csv;

    /** Opens both files; the CSV is read whole (it is small), the npz one array at a time. */
    public AttentionFiles(Path npzPath, Path csvPath) throws IOException {
        this.csv = csvPath;
        this.attributes = AttributesCsv.read(csvPath);
        this.npz = new AttentionNpz.Reader(npzPath);
        for (int s : attributes.keySet()) {
            if (s >= npz.sequences()) {
                npz.close();
                throw new InvalidAttentionException(csvPath + ": sequence " + s + " has attribute rows but " + npzPath
                        + " has no attn_" + s + " (it holds attn_0 .. attn_" + (npz.sequences() - 1) + ")");
            }
        }
    }

    public int sequences() {
        return npz.sequences();
    }

    /** Sequence {@code s}, validated (shape, weights, row sums, CSV rows matching n). */
    public SequenceAttention read(int s) throws IOException {
        float[][][][] w = npz.read(s);
        TokenAttributes a = attributes.get(s);
        int n = w.length == 0 || w[0].length == 0 ? 0 : w[0][0].length;
        if (a == null) {
            throw new InvalidAttentionException(csv + ": no rows for sequence " + s + " (attn_" + s + " is " + n + " x " + n + ")");
        }
        if (a.size() != n) {
            throw new InvalidAttentionException(csv + ": sequence " + s + " has " + a.size() + " rows, attn_" + s + " is "
                    + n + " x " + n + " (one CSV row per token needed)");
        }
        return new SequenceAttention(s, w, a).validated();
    }

    @Override
    public void close() throws IOException {
        npz.close();
    }
}
