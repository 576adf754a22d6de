package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partita.training.TrainResult;

/**
 * What a demo run made.
 *
 * @param outDir        the demo folder
 * @param corpusDir     the synthetic training pieces ({@code piece-000.mid}, ...)
 * @param heldOut       the held-out piece whose first bars prompt the continuations
 * @param tokens        the token corpus
 * @param runDir        the training run (checkpoints, {@code metrics.jsonl})
 * @param parameters    model parameters
 * @param train         how training ended
 * @param continuations pieces continuing the held-out piece's opening
 * @param unconditional pieces sampled from nothing
 * @param harmonized    files of the held-out melody harmonised by the piano-roll model (empty if it was not on
 *                      the classpath)
 * @param summary       {@code demo.json}: settings, seeds, timings and results
 * @param stageSeconds  wall-clock seconds per stage, in order
 * @param stageCpuSeconds CPU seconds of the process per stage (all threads; NaN where the JVM cannot tell): on a
 *                      busy machine this, not the wall clock, says what the stage costs
 */
public record DemoResult(Path outDir, Path corpusDir, Path heldOut, CorpusTokens.Summary tokens, Path runDir,
                         long parameters, TrainResult train, GenerationResult continuations,
                         GenerationResult unconditional, List<Path> harmonized, Path summary, Map<String, Double> stageSeconds,
                         Map<String, Double> stageCpuSeconds) {

    public DemoResult {
        harmonized = List.copyOf(harmonized);
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
        stageCpuSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageCpuSeconds));
    }

    /** exp(best validation loss): how many tokens the model hesitates between on held-out pieces; NaN if never validated. */
    public double validationPerplexity() {
        return Math.exp(train.bestValidationLoss());
    }

    /** Continuations, then unconditional pieces. */
    public List<GeneratedPiece> pieces() {
        List<GeneratedPiece> all = new ArrayList<>(continuations.pieces());
        all.addAll(unconditional.pieces());
        return all;
    }

    public double totalSeconds() {
        return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double totalCpuSeconds() {
        return stageCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
