package org.partita.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tick ↔ seconds through a tempo map: piecewise linear, one segment per effective tempo change.
 * Immutable; the arrays are never exposed, so instances are thread-safe.
 *
 * <p>Effective changes: several changes at one tick — the last in list order wins; when the list is
 * empty or does not start at tick 0, 120 bpm ({@link TempoChange#DEFAULT_MICROS_PER_QUARTER}) holds
 * from tick 0 until the first change.
 */
final class TempoMap {

    private final double ticksPerQuarter;
    /** Strictly increasing, {@code startTicks[0] == 0}. */
    private final long[] startTicks;
    private final TempoChange[] changes;
    /** Seconds at each segment start; non-decreasing. */
    private final double[] startSeconds;

    private TempoMap(int ticksPerQuarter, List<TempoChange> effective) {
        this.ticksPerQuarter = ticksPerQuarter;
        int n = effective.size();
        startTicks = new long[n];
        changes = effective.toArray(new TempoChange[0]);
        startSeconds = new double[n];
        for (int i = 0; i < n; i++) {
            startTicks[i] = changes[i].tick();
            if (i > 0) {
                startSeconds[i] = startSeconds[i - 1] + secondsIn(startTicks[i] - startTicks[i - 1], changes[i - 1]);
            }
        }
    }

    /** The map of {@code tempos}, which must be in tick order (as {@link Score} keeps them). */
    static TempoMap of(int ticksPerQuarter, List<TempoChange> tempos) {
        List<TempoChange> effective = new ArrayList<>(tempos.size() + 1);
        if (tempos.isEmpty() || tempos.get(0).tick() > 0) {
            effective.add(new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER));
        }
        for (TempoChange t : tempos) {
            int last = effective.size() - 1;
            if (last >= 0 && effective.get(last).tick() == t.tick()) {
                effective.set(last, t);
            } else {
                effective.add(t);
            }
        }
        return new TempoMap(ticksPerQuarter, effective);
    }

    /** The tempo in force at {@code tick} (a synthetic 120 bpm change at tick 0 when none is declared). */
    TempoChange tempoAt(long tick) {
        return changes[segmentOfTick(tick)];
    }

    double tickToSeconds(long tick) {
        int i = segmentOfTick(tick);
        return startSeconds[i] + secondsIn(tick - startTicks[i], changes[i]);
    }

    double secondsToTick(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be >= 0 and finite, got " + seconds);
        }
        int i = Arrays.binarySearch(startSeconds, seconds);
        if (i < 0) {
            i = -i - 2;
        } else {
            // Equal start seconds can only come from zero-length segments, which cannot occur
            // (ticks strictly increase and every tempo is > 0), but take the last to be safe.
            while (i + 1 < startSeconds.length && startSeconds[i + 1] == seconds) {
                i++;
            }
        }
        return startTicks[i] + (seconds - startSeconds[i]) * 1e6 * ticksPerQuarter / changes[i].microsPerQuarter();
    }

    private int segmentOfTick(long tick) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        int i = Arrays.binarySearch(startTicks, tick);
        return i >= 0 ? i : -i - 2;
    }

    private double secondsIn(long ticks, TempoChange tempo) {
        return ticks * (double) tempo.microsPerQuarter() / (1e6 * ticksPerQuarter);
    }
}
