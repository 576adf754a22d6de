package org.partita.midi.scan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partita.midi.Repair;

/**
 * Sums over a scan. Immutable.
 *
 * @param files            files and paths reported (read + failed)
 * @param read             files read
 * @param failed           files or paths that failed
 * @param tracks           tracks over all files read
 * @param notes            notes over all files read
 * @param durationSeconds  summed length of all files read
 * @param repairs          repairs over all files read
 * @param filesWithRepairs files read that needed at least one repair
 * @param repairKinds      repairs counted by kind; only kinds that occurred
 */
public record ScanTotals(int files, int read, int failed, long tracks, long notes, double durationSeconds,
                         long repairs, int filesWithRepairs, Map<Repair.Kind, Long> repairKinds) {

    public ScanTotals {
        if (files != read + failed) {
            throw new IllegalArgumentException("files must equal read + failed, got " + files + " != "
                    + read + " + " + failed);
        }
        EnumMap<Repair.Kind, Long> kinds = new EnumMap<>(Repair.Kind.class);
        kinds.putAll(repairKinds);
        repairKinds = Collections.unmodifiableMap(kinds);
    }

    /** The totals of the given outcomes. */
    public static ScanTotals of(List<? extends FileOutcome> outcomes) {
        int read = 0;
        int failed = 0;
        long tracks = 0;
        long notes = 0;
        double seconds = 0;
        long repairs = 0;
        int filesWithRepairs = 0;
        EnumMap<Repair.Kind, Long> kinds = new EnumMap<>(Repair.Kind.class);
        for (FileOutcome outcome : outcomes) {
            if (outcome instanceof FileSummary s) {
                read++;
                tracks += s.tracks();
                notes += s.notes();
                seconds += s.durationSeconds();
                repairs += s.repairs();
                if (s.repairs() > 0) {
                    filesWithRepairs++;
                }
                s.repairKinds().forEach((kind, n) -> kinds.merge(kind, (long) n, Long::sum));
            } else {
                failed++;
            }
        }
        return new ScanTotals(read + failed, read, failed, tracks, notes, seconds, repairs, filesWithRepairs,
                kinds);
    }
}
