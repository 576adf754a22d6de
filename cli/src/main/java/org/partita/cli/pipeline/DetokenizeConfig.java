package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link Detokenization} turns back into MIDI: either one piece of a token corpus (chosen by its
 * 0-based index or its source path as recorded in {@code index.json}), decoded with the corpus's
 * {@code tokenizer.json}; or an id file ({@link TokenIdFiles}) decoded with a chosen tokenizer. Immutable.
 *
 * @param corpus    token corpus directory, or null when {@code idsFile} is given
 * @param fileIndex piece index in the corpus (0-based), or null
 * @param source    piece source path as recorded in the index, or null
 * @param idsFile   id file, or null when {@code corpus} is given
 * @param tokenizer the tokenizer of {@code idsFile}; ignored for a corpus (its own tokenizer.json is used)
 * @param out       MIDI file to write
 */
public record DetokenizeConfig(Path corpus, Integer fileIndex, String source, Path idsFile, TokenizerChoice tokenizer,
                               Path out) {

    /** Resolution of the MIDI files written. */
    public static final int TICKS_PER_QUARTER = 480;

    public DetokenizeConfig {
        Objects.requireNonNull(out, "out");
        if ((corpus == null) == (idsFile == null)) {
            throw new IllegalArgumentException("give exactly one of --corpus DIR or --ids FILE");
        }
        if (corpus != null && (fileIndex == null) == (source == null)) {
            throw new IllegalArgumentException("with --corpus, give exactly one of --file N or --source PATH");
        }
        if (corpus == null && (fileIndex != null || source != null)) {
            throw new IllegalArgumentException("--file and --source choose a piece of --corpus; with --ids they mean nothing");
        }
        if (fileIndex != null && fileIndex < 0) {
            throw new IllegalArgumentException("--file must be >= 0, got " + fileIndex);
        }
        if (idsFile != null) {
            Objects.requireNonNull(tokenizer, "tokenizer");
        }
    }
}
