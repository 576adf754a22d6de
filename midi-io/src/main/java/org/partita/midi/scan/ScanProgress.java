package org.partita.midi.scan;

import java.nio.file.Path;

/**
 * Told how a scan advances. {@link CorpusScanner} calls it from its worker threads, but never two
 * calls at once, and {@code doneFiles} only grows, so an implementation needs no locking of its own.
 * It should return quickly: reading waits while it runs.
 */
@FunctionalInterface
public interface ScanProgress {

    /** Ignores everything. */
    ScanProgress NONE = (doneFiles, totalFiles, file, ok) -> { };

    /** Called once, before any file is read, with the number of files to read. */
    default void started(int totalFiles) {
    }

    /**
     * Called after each file is read or has failed.
     *
     * @param doneFiles  files finished so far, this one included (1..totalFiles)
     * @param totalFiles files to read in this scan
     * @param file       the file just finished
     * @param ok         whether it was read
     */
    void fileDone(int doneFiles, int totalFiles, Path file, boolean ok);
}
