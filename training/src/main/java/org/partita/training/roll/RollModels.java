package org.partita.training.roll;

import org.partita.training.Checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finding and loading piano-roll model checkpoints. */
public final class RollModels {
    private RollModels() {}

    /** Reads {@code config.json} of a checkpoint directory, with the file named in any error. */
    public static RollCheckpointInfo readInfo(Path checkpointDir) throws IOException {
        Path file = checkpointDir.resolve("config.json");
        try {
            return RollCheckpointInfo.fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoint directory meant by {@code dir}: {@code dir} itself if it holds {@code config.json}, else its
     * {@code best/} (or {@code last/}) checkpoint when it is a run directory.
     */
    public static Path checkpointDir(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("config.json"))) {
            return dir;
        }
        Path best = Checkpoints.find(dir, Checkpoints.BEST);
        Path found = best != null ? best : Checkpoints.find(dir, Checkpoints.LAST);
        if (found == null) {
            throw new IOException(dir + " holds no piano-roll model (no config.json, best/ or last/)");
        }
        return found;
    }

    /** Classpath folder of the chorale model that ships with Partita (config.json, params.bin). */
    public static final String DEFAULT_RESOURCE = "/org/partita/training/roll/default-model/";

    /** Whether the shipped model is on the classpath. */
    public static boolean hasDefault() {
        return RollModels.class.getResource(DEFAULT_RESOURCE + "config.json") != null;
    }

    /** Loads the chorale model that ships with Partita. The caller closes it. */
    public static RollModel loadDefault() throws IOException {
        Path dir = Files.createTempDirectory("partita-roll-model");
        try {
            for (String name : new String[] {"config.json", "params.bin"}) {
                try (var in = RollModels.class.getResourceAsStream(DEFAULT_RESOURCE + name)) {
                    if (in == null) {
                        throw new IOException("the default piano-roll model is missing from the classpath ("
                                + DEFAULT_RESOURCE + name + "); give --model DIR");
                    }
                    Files.copy(in, dir.resolve(name));
                }
            }
            return load(dir);
        } finally {
            Files.deleteIfExists(dir.resolve("config.json"));
            Files.deleteIfExists(dir.resolve("params.bin"));
            Files.deleteIfExists(dir);
        }
    }

    /** Loads the model in {@code dir} (a checkpoint or run directory). The caller closes it. */
    public static RollModel load(Path dir) throws IOException {
        Path checkpoint = checkpointDir(dir);
        RollCheckpointInfo info = readInfo(checkpoint);
        return RollModel.load(info.model(), checkpoint.resolve("params.bin"));
    }
}
