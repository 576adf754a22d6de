package org.partita.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code index.json} of a token corpus directory (format version 1). Offsets and lengths count tokens
 * within a shard; each shard holds int32 little-endian ids. Unknown keys are rejected.
 *
 * @param formatVersion always 1 for this reader
 * @param vocabSize number of ids; every stored id is in {@code 0 .. vocabSize-1}
 * @param bosId id that begins each piece when training: inserted before it, or its first token when
 *              {@code framing} is {@link PieceFraming#IN_PIECE}
 * @param eosId id that ends each piece when training: appended after it, or (in-piece) the first id of its
 *              last row
 * @param padId id filling windows of short pieces; never a training target
 * @param framing whether training adds BOS/EOS around each piece ({@code "added"}, the default: omitted from
 *                the JSON and assumed when absent, so files written before the key existed read unchanged)
 *                or the pieces carry their own ({@code "in-piece"})
 * @param shards the shard files in order
 * @param files the pieces, each a contiguous run of one shard
 */
public record TokenCorpusIndex(int formatVersion, int vocabSize, int bosId, int eosId, int padId,
                               @JsonInclude(value = JsonInclude.Include.CUSTOM,
                                       valueFilter = PieceFraming.DefaultFilter.class) PieceFraming framing,
                               List<Shard> shards, List<FileEntry> files) {
    public static final int FORMAT_VERSION = 1;

    public TokenCorpusIndex {
        if (framing == null) {
            framing = PieceFraming.ADDED;
        }
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
        }
        if (vocabSize < 2) {
            throw new IllegalArgumentException("vocabSize must be >= 2, got " + vocabSize);
        }
        for (int id : new int[] {bosId, eosId, padId}) {
            if (id < 0 || id >= vocabSize) {
                throw new IllegalArgumentException("special ids must be in 0.." + (vocabSize - 1)
                        + ", got bos " + bosId + ", eos " + eosId + ", pad " + padId);
            }
        }
        shards = List.copyOf(shards);
        files = List.copyOf(files);
        for (FileEntry f : files) {
            if (f.shard() < 0 || f.shard() >= shards.size()) {
                throw new IllegalArgumentException("file " + f.source() + " names shard " + f.shard()
                        + " but there are " + shards.size());
            }
            long end = f.offset() + f.length();
            if (f.offset() < 0 || f.length() < 0 || end > shards.get(f.shard()).tokens()) {
                throw new IllegalArgumentException("file " + f.source() + " spans tokens " + f.offset() + ".." + end
                        + " beyond shard " + f.shard() + " of " + shards.get(f.shard()).tokens() + " tokens");
            }
        }
    }

    /** An index of {@link PieceFraming#ADDED} framing. */
    public TokenCorpusIndex(int formatVersion, int vocabSize, int bosId, int eosId, int padId, List<Shard> shards,
                            List<FileEntry> files) {
        this(formatVersion, vocabSize, bosId, eosId, padId, PieceFraming.ADDED, shards, files);
    }

    /** Reads {@code index.json} text; a missing {@code framing} means {@code "added"}. */
    public static TokenCorpusIndex fromJson(String json) {
        return Json.read(json, TokenCorpusIndex.class, root -> {
            if (!root.has("framing")) {
                root.put("framing", PieceFraming.ADDED.json());
            }
        });
    }

    /** Length of piece {@code file} as training reads it: its tokens, plus BOS and EOS when they are added. */
    public long trainingLength(int file) {
        return files.get(file).length() + 2L * framing.addedPerSide();
    }

    /** One shard file: {@code tokens} int32 values. */
    public record Shard(String file, long tokens) {
        public Shard {
            if (file == null || file.isEmpty() || file.contains("/") || file.contains("\\")) {
                throw new IllegalArgumentException("shard file must be a plain file name, got " + file);
            }
            if (tokens < 0 || tokens > Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException("shard " + file + " tokens must be in 0.." + Integer.MAX_VALUE / 4
                        + " (one memory map), got " + tokens);
            }
        }
    }

    /** One source piece: its tokens are {@code shard[offset .. offset+length)}. */
    public record FileEntry(String source, String sha1, int shard, long offset, int length, int notes) {}
}
