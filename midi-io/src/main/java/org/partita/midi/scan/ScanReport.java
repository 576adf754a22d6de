package org.partita.midi.scan;

import java.util.List;
import java.util.Objects;

/**
 * The result of a scan: one outcome per file, in the order {@link MidiFiles#find} found them,
 * and their totals. Immutable.
 *
 * @param outcomes      one {@link FileSummary} or {@link FileFailure} per file or failed path
 * @param totals        sums over {@code outcomes}
 * @param options       the options the scan ran with
 * @param elapsedMillis wall-clock time the scan took
 */
public record ScanReport(List<FileOutcome> outcomes, ScanTotals totals, ScanOptions options, long elapsedMillis) {

    public ScanReport {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(options, "options");
        if (totals.files() != outcomes.size()) {
            throw new IllegalArgumentException("totals count " + totals.files() + " files but there are "
                    + outcomes.size() + " outcomes");
        }
    }

    /** The files read, in scan order. */
    public List<FileSummary> summaries() {
        return outcomes.stream().filter(FileSummary.class::isInstance).map(FileSummary.class::cast).toList();
    }

    /** The files and paths that failed, in scan order. */
    public List<FileFailure> failures() {
        return outcomes.stream().filter(FileFailure.class::isInstance).map(FileFailure.class::cast).toList();
    }

    /** Whether any file or path failed. */
    public boolean hasFailures() {
        return totals.failed() > 0;
    }
}
