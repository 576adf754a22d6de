package org.partita.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code partita demo --quick} run per test JVM (a tiny model trained for 30 steps on one thread), shared
 * by the tests that need a trained model. Its folder is left in {@code target/} for inspection.
 */
public final class QuickDemo {

    private static Run run;
    private static Path outDir;

    private QuickDemo() {
    }

    /** The demo's folder: corpus/, held-out.mid, tokens/, run/, generated/, demo.json. */
    public static synchronized Path outDir() {
        if (run == null) {
            try {
                Path base = Files.createDirectories(Path.of("target", "quick-demo"));
                outDir = Files.createTempDirectory(base, "run-").resolve("demo");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run = Run.partita("demo", "--quick", "--threads", "1", "--out", outDir.toString());
            if (run.exitCode() != 0) {
                throw new AssertionError("quick demo failed: " + run);
            }
        }
        return outDir;
    }

    /** The training run directory. */
    public static Path runDir() {
        return outDir().resolve("run");
    }

    static Run run() {
        outDir();
        return run;
    }
}
