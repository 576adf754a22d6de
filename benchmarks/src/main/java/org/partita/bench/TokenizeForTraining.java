package org.partita.bench;

import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.tokenizers.Vocabulary;
import org.partita.training.TokenCorpusWriter;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Tokenizes every MIDI file under a directory into a token corpus directory for training (a stop-gap until
 * {@code partita tokenize} exists). Args: MIDI_DIR OUT_DIR [TOKENIZER (default REMI)].
 * Prints the vocabulary size, file count and sequence-length quantiles; skips unreadable or empty files.
 */
public final class TokenizeForTraining {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TokenizeForTraining MIDI_DIR OUT_DIR [TOKENIZER]");
            System.exit(2);
        }
        MidiCorpus midi = MidiCorpus.load(Path.of(args[0]));
        Tokenizer tokenizer = TokenizerRegistry.standard().createDefault(args.length > 2 ? args[2] : "REMI");
        Vocabulary v = tokenizer.vocabulary();
        MidiReader reader = MidiReader.lenient();
        int[] lengths = new int[midi.size()];
        int kept = 0;
        int skipped = 0;
        try (TokenCorpusWriter out = new TokenCorpusWriter(Path.of(args[1]), v.size(), v.id("BOS_None"),
                v.id("EOS_None"), v.id("PAD_None"), 1 << 22)) {
            for (int i = 0; i < midi.size(); i++) {
                byte[] bytes = midi.bytes().get(i);
                Score score;
                try {
                    score = reader.read(bytes, midi.names().get(i)).score();
                } catch (MidiFormatException e) {
                    System.err.println("skipped " + midi.names().get(i) + ": " + e.getMessage());
                    skipped++;
                    continue;
                }
                TokenSequence seq = tokenizer.encode(score);
                if (seq.size() == 0) {
                    skipped++;
                    continue;
                }
                int notes = TokenSequence.notes(tokenizer.preprocess(score)).size();
                out.add(midi.names().get(i), sha1(bytes), notes, seq.ids());
                lengths[kept++] = seq.size();
            }
            out.writeTokenizer(tokenizer.configJson());
        }
        int[] l = Arrays.copyOf(lengths, kept);
        Arrays.sort(l);
        long total = Arrays.stream(l).asLongStream().sum();
        System.out.printf("tokenizer %s, vocabulary %d, files %d (skipped %d), tokens %,d%n",
                tokenizer.name(), v.size(), kept, skipped, total);
        System.out.printf("length min %d, p10 %d, median %d, p90 %d, max %d%n",
                l[0], l[kept / 10], l[kept / 2], l[kept * 9 / 10], l[kept - 1]);
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
