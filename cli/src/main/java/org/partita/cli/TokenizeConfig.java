package org.partita.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.partita.cli.pipeline.TokenizerChoice;

/**
 * What {@code partita tokenize} was asked to do. Immutable.
 *
 * @param paths     files and directories to tokenize, in the order given; at least one
 * @param out       the token corpus directory to write
 * @param tokenizer the tokenizer (config file or name)
 * @param text      also write one {@code .txt} of token strings per input under {@code OUT/text/}
 * @param strict    refuse files that break the MIDI specification instead of repairing them
 * @param threads   files read and encoded at once; at least 1
 * @param overwrite replace a previous token corpus in {@code out}
 * @param stats     print throughput and peak heap at the end
 */
record TokenizeConfig(List<Path> paths, Path out, TokenizerChoice tokenizer, boolean text, boolean strict, int threads,
                      boolean overwrite, boolean stats) {

    TokenizeConfig {
        Objects.requireNonNull(paths, "paths");
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one PATH is needed");
        }
        Objects.requireNonNull(out, "--out");
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
    }
}
