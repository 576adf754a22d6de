package org.partita.training;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a token corpus directory readable by {@link TokenCorpus}: pieces are appended to
 * {@code shard-NNNNN.bin} files of at most {@code maxTokensPerShard} tokens (a piece never spans two shards),
 * and {@link #close()} writes {@code index.json} (with the writer's {@link PieceFraming}). Not thread-safe.
 */
public final class TokenCorpusWriter implements AutoCloseable {
    private final Path directory;
    private final int vocabSize;
    private final int bosId;
    private final int eosId;
    private final int padId;
    private final PieceFraming framing;
    private final long maxTokensPerShard;
    private final List<TokenCorpusIndex.Shard> shards = new ArrayList<>();
    private final List<TokenCorpusIndex.FileEntry> files = new ArrayList<>();
    private OutputStream out;
    private long shardTokens;

    /** A writer of a corpus whose BOS and EOS training adds around each piece ({@link PieceFraming#ADDED}). */
    public TokenCorpusWriter(Path directory, int vocabSize, int bosId, int eosId, int padId, long maxTokensPerShard)
            throws IOException {
        this(directory, vocabSize, bosId, eosId, padId, PieceFraming.ADDED, maxTokensPerShard);
    }

    /**
     * A writer of a corpus of the given framing; with {@link PieceFraming#IN_PIECE} every added piece must begin
     * with {@code bosId} and hold {@code eosId} (checked in {@link #add}).
     */
    public TokenCorpusWriter(Path directory, int vocabSize, int bosId, int eosId, int padId, PieceFraming framing,
                             long maxTokensPerShard) throws IOException {
        if (maxTokensPerShard < 1) {
            throw new IllegalArgumentException("maxTokensPerShard must be >= 1, got " + maxTokensPerShard);
        }
        this.directory = Files.createDirectories(directory);
        this.vocabSize = vocabSize;
        this.bosId = bosId;
        this.eosId = eosId;
        this.padId = padId;
        this.framing = java.util.Objects.requireNonNull(framing, "framing");
        this.maxTokensPerShard = maxTokensPerShard;
    }

    /** Appends one piece. {@code sha1} identifies the source file's bytes; {@code notes} is informational. */
    public void add(String source, String sha1, int notes, int[] ids) throws IOException {
        for (int id : ids) {
            if (id < 0 || id >= vocabSize) {
                throw new IllegalArgumentException("token id must be in 0.." + (vocabSize - 1) + ", got " + id
                        + " in " + source);
            }
        }
        if (framing == PieceFraming.IN_PIECE) {
            checkFramed(source, ids);
        }
        if (out == null || (shardTokens > 0 && shardTokens + ids.length > maxTokensPerShard)) {
            startShard();
        }
        ByteBuffer b = ByteBuffer.allocate(4 * ids.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(ids);
        out.write(b.array());
        files.add(new TokenCorpusIndex.FileEntry(source, sha1, shards.size() - 1, shardTokens, ids.length, notes));
        shardTokens += ids.length;
    }

    /** An in-piece framed piece begins with BOS, holds EOS and never PAD (PAD must never be a target). */
    private void checkFramed(String source, int[] ids) {
        if (ids.length == 0 || ids[0] != bosId) {
            throw new IllegalArgumentException("piece " + source + " must begin with BOS id " + bosId
                    + " (framing in-piece), got " + (ids.length == 0 ? "no tokens" : "id " + ids[0]));
        }
        boolean eos = false;
        for (int id : ids) {
            if (id == padId) {
                throw new IllegalArgumentException("piece " + source + " holds PAD id " + padId + " (framing in-piece)");
            }
            eos |= id == eosId;
        }
        if (!eos) {
            throw new IllegalArgumentException("piece " + source + " holds no EOS id " + eosId + " (framing in-piece)");
        }
    }

    /** Stores the tokenizer's JSON next to the shards (copied into checkpoints, opaque here). */
    public void writeTokenizer(String tokenizerJson) throws IOException {
        Files.writeString(directory.resolve("tokenizer.json"), tokenizerJson);
    }

    private void startShard() throws IOException {
        finishShard();
        String name = String.format("shard-%05d.bin", shards.size());
        out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(name)), 1 << 16);
        shards.add(new TokenCorpusIndex.Shard(name, 0));
        shardTokens = 0;
    }

    private void finishShard() throws IOException {
        if (out != null) {
            out.close();
            int last = shards.size() - 1;
            shards.set(last, new TokenCorpusIndex.Shard(shards.get(last).file(), shardTokens));
            out = null;
        }
    }

    @Override
    public void close() throws IOException {
        finishShard();
        TokenCorpusIndex index = new TokenCorpusIndex(TokenCorpusIndex.FORMAT_VERSION, vocabSize, bosId, eosId, padId,
                framing, shards, files);
        Path tmp = directory.resolve("index.json.tmp");
        Files.writeString(tmp, Json.write(index));
        Files.move(tmp, directory.resolve("index.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
