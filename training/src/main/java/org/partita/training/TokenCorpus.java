package org.partita.training;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only view of a token corpus directory ({@code index.json}, {@code shard-NNNNN.bin}, optional
 * {@code tokenizer.json}). Shards are memory-mapped; nothing is loaded whole. Safe to share between threads
 * once opened (each read uses its own buffer view).
 */
public final class TokenCorpus {
    private final Path directory;
    private final TokenCorpusIndex index;
    private final List<IntBuffer> shards;

    private TokenCorpus(Path directory, TokenCorpusIndex index, List<IntBuffer> shards) {
        this.directory = directory;
        this.index = index;
        this.shards = shards;
    }

    /** Opens {@code directory}; checks that every shard file has exactly the size the index says. */
    public static TokenCorpus open(Path directory) throws IOException {
        Path indexFile = directory.resolve("index.json");
        if (!Files.isRegularFile(indexFile)) {
            throw new IOException("no index.json in token corpus directory " + directory);
        }
        TokenCorpusIndex index;
        try {
            index = TokenCorpusIndex.fromJson(Files.readString(indexFile));
        } catch (IllegalArgumentException e) {
            throw new IOException(indexFile + ": " + e.getMessage(), e);
        }
        List<IntBuffer> shards = new ArrayList<>();
        for (TokenCorpusIndex.Shard s : index.shards()) {
            Path file = directory.resolve(s.file());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() != s.tokens() * 4) {
                    throw new IOException(file + " has " + ch.size() + " bytes, index says " + s.tokens()
                            + " tokens (" + s.tokens() * 4 + " bytes)");
                }
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
                shards.add(map.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer());
            }
        }
        return new TokenCorpus(directory, index, List.copyOf(shards));
    }

    public Path directory() {
        return directory;
    }

    public TokenCorpusIndex index() {
        return index;
    }

    public int fileCount() {
        return index.files().size();
    }

    /** Length in tokens of piece {@code file} (without added BOS/EOS; with them when the piece carries its own). */
    public int length(int file) {
        return index.files().get(file).length();
    }

    /** Copies {@code count} tokens of piece {@code file} starting at {@code offset} into {@code dst[dstPos..]}. */
    public void read(int file, int offset, int[] dst, int dstPos, int count) {
        TokenCorpusIndex.FileEntry f = index.files().get(file);
        if (offset < 0 || count < 0 || offset + count > f.length()) {
            throw new IndexOutOfBoundsException("tokens " + offset + ".." + (offset + count) + " of " + f.source()
                    + " which has " + f.length());
        }
        IntBuffer view = shards.get(f.shard()).duplicate();
        view.position(Math.toIntExact(f.offset() + offset));
        view.get(dst, dstPos, count);
    }

    /** All tokens of piece {@code file}. */
    public int[] tokens(int file) {
        int[] out = new int[length(file)];
        read(file, 0, out, 0, out.length);
        return out;
    }

    /**
     * Piece {@code file} as training reads it: {@code BOS, tokens, EOS} when the index's framing adds them, the
     * tokens alone when the piece carries its own ({@link PieceFraming#IN_PIECE}).
     */
    public int[] trainingSequence(int file) {
        int added = index.framing().addedPerSide();
        int[] out = new int[length(file) + 2 * added];
        read(file, 0, out, added, length(file));
        if (added == 1) {
            out[0] = index.bosId();
            out[out.length - 1] = index.eosId();
        }
        return out;
    }

    /** The tokenizer file stored with the corpus, if any. */
    public Path tokenizerFile() {
        return directory.resolve("tokenizer.json");
    }
}
