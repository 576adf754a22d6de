package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.Tokenizer;
import org.partita.training.TokenCorpusWriter;

/**
 * Tokenizes MIDI files into a token corpus directory ({@code training}'s {@link TokenCorpusWriter} layout, with
 * the tokenizer's {@code tokenizer.json}), as training reads it. The tokenizer needs begin, end and padding
 * tokens (see {@link SpecialIds}: REMI, TSD and MMT have them).
 */
public final class CorpusTokens {

    /** Shards of at most this many tokens (4 MiB each). */
    static final long TOKENS_PER_SHARD = 1L << 20;

    /**
     * What was written.
     *
     * @param directory the corpus directory
     * @param files     pieces written
     * @param tokens    tokens over all pieces (without added BOS/EOS)
     */
    public record Summary(Path directory, int files, long tokens) {}

    private CorpusTokens() {
    }

    /**
     * Reads each file (leniently), encodes it and writes the corpus to {@code dir}.
     *
     * @throws MidiFormatException if a file is not readable MIDI (nothing is skipped: a corpus made for a
     *     demo or a test must be whole)
     */
    public static Summary write(List<Path> midiFiles, Tokenizer tokenizer, Path dir) throws IOException, MidiFormatException {
        SpecialIds special = SpecialIds.of(tokenizer.name(), tokenizer.vocabulary());
        long tokens = 0;
        try (TokenCorpusWriter writer = new TokenCorpusWriter(dir, tokenizer.vocabulary().size(), special.bosId(),
                special.eosId(), special.padId(), special.framing(), TOKENS_PER_SHARD)) {
            for (Path file : midiFiles) {
                byte[] bytes = Files.readAllBytes(file);
                Score score = MidiReader.lenient().read(bytes, file.toString()).score();
                int[] ids = tokenizer.encode(score).ids();
                writer.add(file.getFileName().toString(), sha1(bytes), score.noteCount(), ids);
                tokens += ids.length;
            }
            writer.writeTokenizer(tokenizer.configJson());
        }
        return new Summary(dir, midiFiles.size(), tokens);
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
