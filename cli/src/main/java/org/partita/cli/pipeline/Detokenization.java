package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.partita.midi.MidiWriter;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.training.TokenCorpus;
import org.partita.training.TokenCorpusIndex;

/** Token ids back to a MIDI file ({@link DetokenizeConfig#TICKS_PER_QUARTER} ticks per quarter). Stateless. */
public final class Detokenization {

    private Detokenization() {
    }

    /**
     * Reads the ids, decodes them (decoding never fails; rule breaks are counted in the report) and
     * writes the MIDI file.
     *
     * @throws IllegalArgumentException when the piece, the id file's content or the tokenizer config is wrong
     *     (the message names the value)
     * @throws IOException when a file cannot be read or the MIDI file cannot be written
     */
    public static DetokenizeResult run(DetokenizeConfig config) throws IOException {
        OutputTarget target = OutputTarget.of(config.out(), "--out");
        Tokenizer tokenizer;
        int[] ids;
        String what;
        if (config.corpus() != null) {
            TokenCorpus corpus = TokenCorpus.open(config.corpus());
            int file = config.fileIndex() != null ? config.fileIndex() : indexOf(corpus, config.source());
            if (file >= corpus.fileCount()) {
                throw new IllegalArgumentException("--file must be in 0.." + (corpus.fileCount() - 1) + " for corpus "
                        + config.corpus() + ", got " + file);
            }
            tokenizer = corpusTokenizer(corpus);
            ids = corpus.tokens(file);
            what = "piece " + file + " (" + corpus.index().files().get(file).source() + ") of " + config.corpus();
        } else {
            tokenizer = config.tokenizer().load();
            ids = TokenIdFiles.read(config.idsFile(), tokenizer.vocabulary());
            what = config.idsFile().toString();
        }
        Decoded decoded = tokenizer.decode(ids);
        target.writeBytes(MidiWriter.toBytes(decoded.score(), DetokenizeConfig.TICKS_PER_QUARTER));
        return new DetokenizeResult(tokenizer.name(), what, ids.length, decoded, config.out());
    }

    private static int indexOf(TokenCorpus corpus, String source) {
        List<TokenCorpusIndex.FileEntry> files = corpus.index().files();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).source().equals(source)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no piece with source '" + source + "' in " + corpus.directory()
                + "/index.json (sources are recorded as given to tokenize)");
    }

    static Tokenizer corpusTokenizer(TokenCorpus corpus) throws IOException {
        Path file = corpus.tokenizerFile();
        try {
            return TokenizerRegistry.standard().fromSavedJson(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("token corpus " + corpus.directory() + " has no tokenizer.json", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
