package org.partita.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checkpoint directories inside a run directory:
 * <pre>
 * run/
 *   metrics.jsonl        one JSON object per progress or validation event
 *   last/                newest state: config.json, params.bin, optimizer.bin, tokenizer.json (if the corpus has one)
 *   best/                same files, at the lowest validation loss
 * </pre>
 * A checkpoint is written into {@code .tmp-NAME}, then the old one is renamed to {@code .old-NAME}, the new one
 * renamed into place and the old one deleted, so a crash leaves either a complete {@code NAME} or a complete
 * {@code .old-NAME} (which {@link #find} falls back to).
 */
public final class Checkpoints {
    public static final String LAST = "last";
    public static final String BEST = "best";

    private Checkpoints() {}

    /** The complete checkpoint called {@code name} in {@code runDir}, or null if there is none. */
    public static Path find(Path runDir, String name) {
        Path dir = runDir.resolve(name);
        if (Files.isRegularFile(dir.resolve("config.json"))) {
            return dir;
        }
        Path old = runDir.resolve(".old-" + name);
        return Files.isRegularFile(old.resolve("config.json")) ? old : null;
    }

    public static CheckpointInfo readInfo(Path checkpointDir) throws IOException {
        try {
            return CheckpointInfo.fromJson(Files.readString(checkpointDir.resolve("config.json")));
        } catch (IllegalArgumentException e) {
            throw new IOException(checkpointDir.resolve("config.json") + ": " + e.getMessage(), e);
        }
    }

    /** Loads the model saved in {@code checkpointDir}. The caller closes it. */
    public static TransformerModel loadModel(Path checkpointDir) throws IOException {
        CheckpointInfo info = readInfo(checkpointDir);
        return TransformerModel.load(info.model(), checkpointDir.resolve("params.bin"));
    }

    static Path write(Path runDir, String name, CheckpointInfo info, TransformerModel model, AdamW optimizer,
                      Path tokenizerFile) throws IOException {
        return write(runDir, name, info.toJson(), dir -> {
            model.save(dir.resolve("params.bin"));
            optimizer.save(dir.resolve("optimizer.bin"));
            if (tokenizerFile != null && Files.isRegularFile(tokenizerFile)) {
                Files.copy(tokenizerFile, dir.resolve("tokenizer.json"));
            }
        });
    }

    /** Fills a checkpoint directory's files (other than {@code config.json}). */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    /**
     * Writes checkpoint {@code name} atomically as described above: {@code contents} fills a temporary
     * directory, {@code configJson} becomes its {@code config.json} (written last), then it is renamed into place.
     */
    public static Path write(Path runDir, String name, String configJson, Contents contents) throws IOException {
        Path tmp = runDir.resolve(".tmp-" + name);
        Path old = runDir.resolve(".old-" + name);
        Path target = runDir.resolve(name);
        deleteTree(tmp);
        Files.createDirectories(tmp);
        contents.writeInto(tmp);
        Files.writeString(tmp.resolve("config.json"), configJson);
        if (Files.exists(target)) {
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
        return target;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
