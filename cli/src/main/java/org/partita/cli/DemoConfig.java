package org.partita.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code partita demo} was asked to do. Immutable.
 *
 * @param outDir where to write the pieces (created if missing)
 * @param count  how many pieces, 1..{@value #MAX_COUNT}
 * @param seed   seed of the synthetic corpus: the same seed writes the same pieces
 */
record DemoConfig(Path outDir, int count, long seed) {

    static final int MAX_COUNT = 1000;

    DemoConfig {
        Objects.requireNonNull(outDir, "outDir");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("--count must be in 1.." + MAX_COUNT + ", got " + count);
        }
    }

    /** The file name of piece {@code index}: {@code piece-000.mid}, {@code piece-001.mid}, ... */
    static String fileName(int index) {
        return String.format("piece-%03d.mid", index);
    }
}
