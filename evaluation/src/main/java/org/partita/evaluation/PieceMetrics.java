package org.partita.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one piece; a value is {@code NaN} where the metric is undefined (MusPy returns NaN there too:
 * no note, no drum note, fewer than two bars ...). Immutable.
 */
public record PieceMetrics(Map<Metric, Double> values) {

    public PieceMetrics {
        Objects.requireNonNull(values, "values");
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        copy.putAll(values);
        for (Metric m : Metric.values()) {
            if (!copy.containsKey(m)) {
                throw new IllegalArgumentException("metric " + m.jsonName() + " missing");
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of one metric (may be NaN). */
    public double get(Metric metric) {
        return values.get(metric);
    }
}
