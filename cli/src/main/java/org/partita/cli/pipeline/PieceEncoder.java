package org.partita.cli.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.scan.FileFailure;
import org.partita.symbolic.Score;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.Vocabulary;

/**
 * Reads, hashes and encodes one file (and writes its text dump). Input problems become
 * {@link Piece.Failed}; an output error is an {@link UncheckedIOException}. Thread-safe.
 */
final class PieceEncoder {

    private final MidiReader reader;
    private final Tokenizer tokenizer;
    private final Path textRoot;
    private final Limits limits;

    /** {@code textRoot} null: no text dumps. */
    PieceEncoder(MidiReader reader, Tokenizer tokenizer, Path textRoot, Limits limits) {
        this.reader = reader;
        this.limits = limits;
        this.tokenizer = tokenizer;
        this.textRoot = textRoot;
    }

    Piece encode(Path file, String textName) {
        byte[] bytes;
        try {
            bytes = InputFile.readBytes(file, reader.options().maxInputBytes());
        } catch (IllegalArgumentException e) {
            return failed(file, e.getMessage());
        } catch (IOException e) {
            return failed(file, "cannot read file: " + e);
        }
        String sha1 = sha1(bytes);
        Score score;
        try {
            score = reader.read(bytes, file.toString()).score();
        } catch (MidiFormatException e) {
            return new Piece.Failed(FileFailure.of(file, e));
        }
        bytes = null; // let the bytes go before the token arrays are built
        try {
            ResourceGuards.checkTokens(score, limits);
        } catch (IllegalArgumentException e) {
            return failed(file, e.getMessage());
        }
        TokenSequence tokens;
        try {
            tokens = tokenizer.encode(score);
        } catch (OutOfMemoryError e) {
            // the estimate let it through but the arrays did not fit: this file fails, the others go on
            return failed(file, "ran out of memory encoding it with " + tokenizer.name()
                    + "; lower --resource-limit tokens-per-file or give the JVM more heap (PARTITA_JAVA_OPTS=-Xmx...)");
        } catch (RuntimeException e) {
            return failed(file, "tokenizer " + tokenizer.name() + " failed (a bug in Partita, please report it "
                    + "with this file): " + e);
        }
        int[] ids = tokens.ids();
        if (textRoot != null) {
            writeText(textRoot.resolve(textName), ids, tokenizer.vocabulary());
        }
        return new Piece.Encoded(file, sha1, notes(tokens), ids);
    }

    /** Notes the tokens represent: distinct note indexes (notes dropped by preprocessing are not counted). */
    static int notes(TokenSequence tokens) {
        int max = -1;
        for (int i = 0; i < tokens.size(); i++) {
            max = Math.max(max, tokens.noteIndex(i));
        }
        boolean[] seen = new boolean[max + 1];
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int n = tokens.noteIndex(i);
            if (n >= 0 && !seen[n]) {
                seen[n] = true;
                count++;
            }
        }
        return count;
    }

    private static void writeText(Path file, int[] ids, Vocabulary vocabulary) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int id : ids) {
                    w.write(vocabulary.token(id));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write token text file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Piece failed(Path file, String reason) {
        return new Piece.Failed(new FileFailure(file, -1, reason));
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
