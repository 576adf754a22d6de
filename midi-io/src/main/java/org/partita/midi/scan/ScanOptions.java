package org.partita.midi.scan;

import java.util.Objects;
import org.partita.midi.ReadOptions;

/**
 * How a {@link CorpusScanner} reads files. Immutable.
 *
 * @param readOptions options of the MIDI reader (strict or lenient)
 * @param threads     how many files are read at once; at least 1
 */
public record ScanOptions(ReadOptions readOptions, int threads) {

    public ScanOptions {
        Objects.requireNonNull(readOptions, "readOptions");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Lenient reading, one thread per available processor. */
    public static ScanOptions defaults() {
        return new ScanOptions(ReadOptions.defaults(), Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another thread count. */
    public ScanOptions withThreads(int newThreads) {
        return new ScanOptions(readOptions, newThreads);
    }

    /** A copy whose reader refuses (strict) or repairs (lenient) files that break the specification. */
    public ScanOptions withStrict(boolean strict) {
        return new ScanOptions(readOptions.withStrict(strict), threads);
    }

    /** A copy with other reader options. */
    public ScanOptions withReadOptions(ReadOptions newReadOptions) {
        return new ScanOptions(newReadOptions, threads);
    }
}
