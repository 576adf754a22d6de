package org.partita.midi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects the repairs of one read. In strict mode a repair that breaches the specification becomes
 * a {@link MidiFormatException} at once. Not thread-safe: one per read.
 */
final class RepairLog {

    private final String source;
    private final boolean strict;
    private final List<Repair> listed = new ArrayList<>();
    private final EnumMap<Repair.Kind, Integer> counts = new EnumMap<>(Repair.Kind.class);

    RepairLog(String source, boolean strict) {
        this.source = source;
        this.strict = strict;
    }

    /** Records a repair, or throws when strict mode refuses this kind. */
    void add(Repair.Kind kind, long byteOffset, String detail) throws MidiFormatException {
        add(kind, byteOffset, () -> detail);
    }

    /**
     * Same, building the detail only when it is listed or thrown: a hostile file can hold millions of
     * repairs, and only the first {@link ReadReport#MAX_LISTED_PER_KIND} of a kind are kept.
     */
    void add(Repair.Kind kind, long byteOffset, Supplier<String> detail) throws MidiFormatException {
        if (strict && kind.refusedWhenStrict()) {
            throw new MidiFormatException(source, byteOffset, detail.get() + " (refused in strict mode: " + kind + ")");
        }
        int n = counts.merge(kind, 1, Integer::sum);
        if (n <= ReadReport.MAX_LISTED_PER_KIND) {
            listed.add(new Repair(kind, byteOffset, detail.get()));
        }
    }

    List<Repair> listed() {
        return listed;
    }

    Map<Repair.Kind, Integer> counts() {
        return counts;
    }
}
