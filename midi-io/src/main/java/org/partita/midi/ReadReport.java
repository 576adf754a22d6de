package org.partita.midi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the reader saw besides the music: the header, and every repair it made, counted by kind.
 * Only the first {@link #MAX_LISTED_PER_KIND} repairs of each kind are listed in full; the counts
 * are always complete.
 *
 * @param format          SMF format from the header (0, 1 or 2)
 * @param declaredTracks  track count the header declares
 * @param trackChunks     MTrk chunks actually found
 * @param division        the raw 16-bit division field of the header
 * @param repairs         repairs listed in file order (capped per kind)
 * @param repairCounts    number of repairs of each kind (complete)
 */
public record ReadReport(int format, int declaredTracks, int trackChunks, int division,
                         List<Repair> repairs, Map<Repair.Kind, Integer> repairCounts) {

    /** How many repairs of one kind are kept in {@link #repairs()}. */
    public static final int MAX_LISTED_PER_KIND = 20;

    public ReadReport {
        repairs = List.copyOf(repairs);
        EnumMap<Repair.Kind, Integer> counts = new EnumMap<>(Repair.Kind.class);
        counts.putAll(repairCounts);
        repairCounts = java.util.Collections.unmodifiableMap(counts);
    }

    /** Total number of repairs of every kind. */
    public int totalRepairs() {
        int n = 0;
        for (int c : repairCounts.values()) {
            n += c;
        }
        return n;
    }

    /** Number of repairs that breached the specification (those strict mode refuses). */
    public int specViolations() {
        int n = 0;
        for (Map.Entry<Repair.Kind, Integer> e : repairCounts.entrySet()) {
            if (e.getKey().refusedWhenStrict()) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** True when the division field is SMPTE (top bit set). */
    public boolean smpteDivision() {
        return (division & 0x8000) != 0;
    }
}
