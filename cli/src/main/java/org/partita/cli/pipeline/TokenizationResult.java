package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.partita.midi.scan.FileFailure;

/**
 * What {@link CorpusTokenization} did. Immutable.
 *
 * @param outputDirectory the token corpus directory written
 * @param files           files found (tokenized + failed)
 * @param tokenized       pieces written to the shards
 * @param tokens          token ids written
 * @param notes           notes represented by those tokens
 * @param shards          shard files written
 * @param failures        files (or paths) that could not be tokenized, in input order
 * @param elapsedMillis   wall-clock time of the whole job
 */
public record TokenizationResult(Path outputDirectory, int files, int tokenized, long tokens, long notes, int shards,
                                 List<FileFailure> failures, long elapsedMillis) {

    public TokenizationResult {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        failures = List.copyOf(failures);
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }
}
