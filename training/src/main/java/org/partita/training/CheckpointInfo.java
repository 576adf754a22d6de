package org.partita.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code config.json} of a checkpoint directory: everything needed to rebuild the model and continue
 * training exactly. Unknown keys are rejected.
 *
 * @param formatVersion checkpoint layout version (1)
 * @param model the model's shape
 * @param training the effective training config (its seed drives every random choice)
 * @param step optimizer steps completed; also the AdamW step count
 * @param bestValidationLoss lowest validation loss so far (null if none)
 * @param bestStep step of that loss (0 if none)
 * @param split how files were divided (indices into the corpus index, plus the held-out sources for checking)
 * @param corpus the corpus directory, special ids and framing used
 * @param rng how randomness is derived, so a reader can reproduce it
 * @param versions library and runtime versions that wrote this checkpoint
 * @param gitCommit commit of the working directory when written, null if unknown
 */
public record CheckpointInfo(int formatVersion, TransformerConfig model, TrainConfig training, int step,
                             Double bestValidationLoss, int bestStep, Split split, Corpus corpus, Rng rng,
                             Versions versions, String gitCommit) {
    public static final int FORMAT_VERSION = 1;

    public CheckpointInfo {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("checkpoint formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
        }
    }

    /** The split: {@code validationSources} lets a resume detect that the corpus changed. */
    public record Split(long seed, double validationFraction, int fileCount, List<Integer> validationFiles,
                        List<String> validationSources) {}

    /**
     * The corpus trained on. {@code framing} (omitted from the JSON when {@code "added"}, and so read when absent)
     * tells generation whether BOS is put before a piece's own tokens or is the first of them.
     */
    public record Corpus(String directory, int vocabSize, int bosId, int eosId, int padId,
                         @JsonInclude(value = JsonInclude.Include.CUSTOM,
                                 valueFilter = PieceFraming.DefaultFilter.class) PieceFraming framing) {
        public Corpus {
            if (framing == null) {
                framing = PieceFraming.ADDED;
            }
        }

        /** A corpus of {@link PieceFraming#ADDED} framing. */
        public Corpus(String directory, int vocabSize, int bosId, int eosId, int padId) {
            this(directory, vocabSize, bosId, eosId, padId, PieceFraming.ADDED);
        }
    }

    /**
     * Randomness is a pure function of (seed, step): window sampling and augmentation use
     * {@code SplittableRandom(mix(seed, step))}, dropout masks {@code SplittableRandom(mix(seed ^ dropoutSalt, step))}
     * ({@code DropoutMasks}). So {@code step} and {@code seed} are the whole RNG state.
     */
    public record Rng(String scheme, long seed, int step) {}

    public String toJson() {
        return Json.write(this);
    }

    public static CheckpointInfo fromJson(String json) {
        return Json.read(json, CheckpointInfo.class, root -> {
            if (root.get("corpus") instanceof ObjectNode corpus && !corpus.has("framing")) {
                corpus.put("framing", PieceFraming.ADDED.json()); // written before the key existed
            }
        });
    }
}
