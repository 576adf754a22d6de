package org.partita.attention;

import java.util.EnumMap;
import java.util.Map;

/**
 * The k range drawn per field in heatmaps (the reference's: beat −40…+4, position ±12, pitch ±25;
 * bar −16…+1; the others whole). Rows outside the range stay in the tables.
 */
public record ChartRanges(Map<Field, int[]> ranges) {

    public ChartRanges {
        Map<Field, int[]> copy = new EnumMap<>(Field.class);
        ranges.forEach((f, r) -> {
            if (r.length != 2 || r[0] > r[1]) {
                throw new IllegalArgumentException("range of " + f.label() + " must be {min, max} with min <= max");
            }
            copy.put(f, r.clone());
        });
        ranges = Map.copyOf(copy);
    }

    public static ChartRanges defaults() {
        return new ChartRanges(Map.of(Field.BEAT, new int[] {-40, 4}, Field.POSITION, new int[] {-12, 12},
                Field.PITCH, new int[] {-25, 25}, Field.BAR, new int[] {-16, 1}, Field.INTERVAL_CLASS, new int[] {0, 11},
                Field.INSTRUMENT, new int[] {0, 1}));
    }

    /** This range with {@code field} drawn over [min, max]. */
    public ChartRanges with(Field field, int min, int max) {
        Map<Field, int[]> m = new EnumMap<>(ranges);
        m.put(field, new int[] {min, max});
        return new ChartRanges(m);
    }

    int min(Field f) {
        return ranges.get(f)[0];
    }

    int max(Field f) {
        return ranges.get(f)[1];
    }
}
