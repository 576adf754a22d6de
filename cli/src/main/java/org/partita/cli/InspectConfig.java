package org.partita.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.partita.midi.scan.ScanOptions;

/**
 * What {@code partita inspect} was asked to do. Immutable.
 *
 * @param paths    files and directories to inspect, in the order given; at least one
 * @param jsonFile where to write the JSON report, or null for none
 * @param strict   refuse files that break the MIDI specification instead of repairing them
 * @param threads  files read at once; at least 1
 */
record InspectConfig(List<Path> paths, Path jsonFile, boolean strict, int threads) {

    InspectConfig {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one PATH is needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(paths, "paths");
    }

    /** The scanner options these settings mean. */
    ScanOptions scanOptions() {
        return ScanOptions.defaults().withStrict(strict).withThreads(threads);
    }
}
