package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.partita.midi.ReadOptions;
import org.partita.tokenizers.Tokenizer;

/**
 * What {@link CorpusTokenization} is asked to do. Immutable.
 *
 * @param inputs            MIDI files and directories, in the order given; at least one
 * @param outputDirectory   the token corpus directory to write (created if absent)
 * @param tokenizer         the tokenizer to encode with; saved as {@code tokenizer.json}
 * @param readOptions       how MIDI files are read (strict or lenient, input size limit)
 * @param threads           files read and encoded at once; at least 1
 * @param writeText         also write {@code text/<relative path>.txt}, one token string per line
 * @param maxTokensPerShard tokens per shard file at most (a piece never spans two shards); at least 1
 * @param piecesInFlight    pieces read or encoded but not yet written, at most; bounds memory; at least 1
 * @param limits            resource limits; a file above {@link Limits#tokensPerFile()} fails alone
 */
public record TokenizationConfig(List<Path> inputs, Path outputDirectory, Tokenizer tokenizer,
                                 ReadOptions readOptions, int threads, boolean writeText,
                                 long maxTokensPerShard, int piecesInFlight, Limits limits) {

    /** 64 Mi tokens = 256 MiB per shard: few files, each well inside one memory map. */
    public static final long DEFAULT_MAX_TOKENS_PER_SHARD = 64L << 20;

    public TokenizationConfig {
        Objects.requireNonNull(inputs, "inputs");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("at least one input path is needed");
        }
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(readOptions, "readOptions");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (maxTokensPerShard < 1) {
            throw new IllegalArgumentException("maxTokensPerShard must be >= 1, got " + maxTokensPerShard);
        }
        Objects.requireNonNull(limits, "limits");
        if (piecesInFlight < 1) {
            throw new IllegalArgumentException("piecesInFlight must be >= 1, got " + piecesInFlight);
        }
    }

    /** Lenient reading, one thread per processor, no text files, default shard size, 4 pieces in flight per thread. */
    public static TokenizationConfig defaults(List<Path> inputs, Path outputDirectory, Tokenizer tokenizer) {
        int threads = Runtime.getRuntime().availableProcessors();
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, ReadOptions.defaults(), threads, false,
                DEFAULT_MAX_TOKENS_PER_SHARD, 4 * threads, Limits.defaults());
    }

    public TokenizationConfig withThreads(int newThreads) {
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, readOptions, newThreads, writeText,
                maxTokensPerShard, piecesInFlight, limits);
    }

    public TokenizationConfig withWriteText(boolean newWriteText) {
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, readOptions, threads, newWriteText,
                maxTokensPerShard, piecesInFlight, limits);
    }

    public TokenizationConfig withReadOptions(ReadOptions newReadOptions) {
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, newReadOptions, threads, writeText,
                maxTokensPerShard, piecesInFlight, limits);
    }

    public TokenizationConfig withMaxTokensPerShard(long newMaxTokensPerShard) {
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, readOptions, threads, writeText,
                newMaxTokensPerShard, piecesInFlight, limits);
    }

    public TokenizationConfig withPiecesInFlight(int newPiecesInFlight) {
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, readOptions, threads, writeText,
                maxTokensPerShard, newPiecesInFlight, limits);
    }

    public TokenizationConfig withLimits(Limits newLimits) {
        return new TokenizationConfig(inputs, outputDirectory, tokenizer, readOptions, threads, writeText,
                maxTokensPerShard, piecesInFlight, newLimits);
    }
}
