package org.partita.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real MIDI data beside the project ({@code partita.shared.data}); tests skip visibly without it. */
final class SharedData {

    private SharedData() {
    }

    /** The folder {@code sub} of the shared data, or aborts the test with a message on stderr. */
    static Path folder(String sub) throws IOException {
        String root = System.getProperty("partita.shared.data");
        Path dir = root == null ? null : Path.of(root, sub);
        if (dir == null || !Files.isDirectory(dir)) {
            String message = "SKIPPED: shared MIDI data not found at " + dir
                    + " (set -Dpartita.shared.data=/path/to/shared/data)";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(message + " - CI must have it");
            }
            Assumptions.abort(message);
        }
        return dir.toRealPath();
    }
}
