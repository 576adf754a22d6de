package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link PieceGeneration#run} made.
 *
 * @param run        the model used
 * @param prompt     the prompt, or null for unconditional samples
 * @param promptMidi the prompt's bars written as MIDI, or null
 * @param pieces     the samples, in order
 * @param summary    the JSON file recording settings, seeds and results
 * @param seconds    wall-clock time of sampling (model forward passes and masks), without file writing
 */
public record GenerationResult(ModelRun run, Prompt prompt, Path promptMidi, List<GeneratedPiece> pieces,
                               Path summary, double seconds) {

    public GenerationResult {
        pieces = List.copyOf(pieces);
    }

    /** Tokens sampled over all pieces. */
    public long newTokens() {
        return pieces.stream().mapToLong(GeneratedPiece::newTokens).sum();
    }

    /** Grammar violations plus decoder-reported violations over all pieces. */
    public long violations() {
        return pieces.stream().mapToLong(p -> p.grammarViolations() + p.report().total()).sum();
    }
}
