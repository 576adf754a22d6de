package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.partita.tokenizers.Tokenizer;
import org.partita.training.CheckpointInfo;
import org.partita.training.Checkpoints;

/**
 * A trained model as {@code Trainer} leaves it: the checkpoint to generate from, its {@code config.json}
 * and the tokenizer its corpus was made with.
 *
 * @param checkpoint the checkpoint directory ({@code best/} when the run validated, else {@code last/})
 * @param info       the checkpoint's {@code config.json}
 * @param tokenizer  the tokenizer of {@code checkpoint/tokenizer.json}
 */
public record ModelRun(Path checkpoint, CheckpointInfo info, Tokenizer tokenizer) {

    /**
     * Opens a run directory (its {@code best/} checkpoint, or {@code last/} if it has none) or a checkpoint
     * directory itself. An IOException says what is missing where.
     */
    public static ModelRun open(Path runOrCheckpoint) throws IOException {
        if (!Files.isDirectory(runOrCheckpoint)) {
            throw new IOException("--model " + runOrCheckpoint + (Files.exists(runOrCheckpoint)
                    ? " is " + org.partita.midi.scan.FileKind.of(runOrCheckpoint) + ", not a training run directory"
                    : ": no such directory"));
        }
        Path checkpoint = Files.isRegularFile(runOrCheckpoint.resolve("config.json")) ? runOrCheckpoint
                : Checkpoints.find(runOrCheckpoint, Checkpoints.BEST);
        if (checkpoint == null) {
            checkpoint = Checkpoints.find(runOrCheckpoint, Checkpoints.LAST);
        }
        if (checkpoint == null) {
            throw new IOException(runOrCheckpoint + " holds no checkpoint (expected best/config.json or "
                    + "last/config.json, as 'partita train' writes them)");
        }
        CheckpointInfo info = Checkpoints.readInfo(checkpoint);
        Path tokenizerFile = checkpoint.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new IOException(checkpoint + " has no tokenizer.json (the token corpus it was trained on "
                    + "had none), so its ids cannot be turned into music");
        }
        Tokenizer tokenizer = TokenizerFile.load(tokenizerFile);
        if (tokenizer.vocabulary().size() != info.model().vocabSize()) {
            throw new IOException(tokenizerFile + " has " + tokenizer.vocabulary().size()
                    + " tokens but the model's vocabSize is " + info.model().vocabSize());
        }
        return new ModelRun(checkpoint, info, tokenizer);
    }
}
