package org.partita.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tick ↔ (bar, beat, tick in beat) through a meter map. Immutable; arrays are never exposed, so
 * instances are thread-safe. The rules are stated on {@link TimeGrid}.
 *
 * <p>Positions are kept exactly in units of 1/16 tick: a beat (one denominator note, denominator a
 * power of two up to 64) is {@code 4 * ticksPerQuarter / denominator} ticks, which is always a whole
 * number of sixteenths of a tick, so bar and beat arithmetic never rounds even when a beat is a
 * fraction of a tick (ticksPerQuarter 1 in 6/8: half a tick per beat).
 */
final class MeterMap {

    static final int UNITS_PER_TICK = 16;

    private final int ticksPerQuarter;
    private final List<TimeSignature> effective;
    private final long pickupTicks;

    // One entry per segment; a segment is a stretch of one meter whose first bar starts at its start,
    // except the pickup segment, which starts phaseUnits into its bar.
    private final TimeSignature[] meters;
    private final long[] startUnits;
    private final long[] phaseUnits;
    private final long[] barUnits;
    private final long[] beatUnits;
    private final int[] firstBar;

    private MeterMap(int ticksPerQuarter, List<TimeSignature> effective, long pickupTicks) {
        this.ticksPerQuarter = ticksPerQuarter;
        this.effective = effective;
        this.pickupTicks = pickupTicks;
        List<TimeSignature> segMeters = new ArrayList<>();
        List<long[]> segStartPhase = new ArrayList<>();
        TimeSignature first = effective.get(0);
        if (pickupTicks > 0) {
            long pickupUnits = units(pickupTicks);
            long firstBarUnits = barUnits(first);
            if (pickupUnits >= firstBarUnits) {
                throw new IllegalArgumentException("pickupTicks must be shorter than one bar of " + first.numerator()
                        + "/" + first.denominator() + " (" + firstBarUnits / (double) UNITS_PER_TICK
                        + " ticks), got " + pickupTicks);
            }
            if (effective.size() > 1 && effective.get(1).tick() < pickupTicks) {
                throw new IllegalArgumentException("pickupTicks must not pass the first meter change (tick "
                        + effective.get(1).tick() + "), got " + pickupTicks);
            }
            segMeters.add(first);
            segStartPhase.add(new long[] {0, firstBarUnits - pickupUnits});
            if (effective.size() == 1 || effective.get(1).tick() != pickupTicks) {
                segMeters.add(first);
                segStartPhase.add(new long[] {pickupUnits, 0});
            }
            for (int i = 1; i < effective.size(); i++) {
                segMeters.add(effective.get(i));
                segStartPhase.add(new long[] {units(effective.get(i).tick()), 0});
            }
        } else {
            for (TimeSignature m : effective) {
                segMeters.add(m);
                segStartPhase.add(new long[] {units(m.tick()), 0});
            }
        }
        int n = segMeters.size();
        meters = segMeters.toArray(new TimeSignature[0]);
        startUnits = new long[n];
        phaseUnits = new long[n];
        barUnits = new long[n];
        beatUnits = new long[n];
        firstBar = new int[n];
        for (int i = 0; i < n; i++) {
            startUnits[i] = segStartPhase.get(i)[0];
            phaseUnits[i] = segStartPhase.get(i)[1];
            barUnits[i] = barUnits(meters[i]);
            beatUnits[i] = beatUnits(meters[i]);
            if (i > 0) {
                long lengthUnits = startUnits[i] - startUnits[i - 1] + phaseUnits[i - 1];
                long bars = firstBar[i - 1] + ceilDiv(lengthUnits, barUnits[i - 1]);
                firstBar[i] = toBarIndex(bars);
            }
        }
    }

    /** The map of {@code meters}, which must be in tick order (as {@link Score} keeps them). */
    static MeterMap of(int ticksPerQuarter, List<TimeSignature> meters) {
        List<TimeSignature> effective = new ArrayList<>(meters.size() + 1);
        if (meters.isEmpty() || meters.get(0).tick() > 0) {
            effective.add(TimeSignature.DEFAULT);
        }
        for (TimeSignature m : meters) {
            int last = effective.size() - 1;
            if (last >= 0 && effective.get(last).tick() == m.tick()) {
                effective.set(last, m);
            } else {
                effective.add(m);
            }
        }
        return new MeterMap(ticksPerQuarter, List.copyOf(effective), 0);
    }

    MeterMap withPickupTicks(long newPickupTicks) {
        if (newPickupTicks < 0) {
            throw new IllegalArgumentException("pickupTicks must be >= 0, got " + newPickupTicks);
        }
        return new MeterMap(ticksPerQuarter, effective, newPickupTicks);
    }

    long pickupTicks() {
        return pickupTicks;
    }

    TimeSignature meterAt(long tick) {
        return meters[segmentOfUnits(units(tick))];
    }

    int barAt(long tick) {
        long u = units(tick);
        int i = segmentOfUnits(u);
        return toBarIndex(firstBar[i] + (u - startUnits[i] + phaseUnits[i]) / barUnits[i]);
    }

    BarBeat barBeatAt(long tick) {
        long u = units(tick);
        int i = segmentOfUnits(u);
        long pos = u - startUnits[i] + phaseUnits[i];
        long inBar = pos % barUnits[i];
        return new BarBeat(toBarIndex(firstBar[i] + pos / barUnits[i]), (int) (inBar / beatUnits[i]),
                (inBar % beatUnits[i]) / (double) UNITS_PER_TICK);
    }

    long barStartTick(int bar) {
        return Math.floorDiv(barStartUnits(bar) + UNITS_PER_TICK - 1, UNITS_PER_TICK);
    }

    double barStartTickExact(int bar) {
        return barStartUnits(bar) / (double) UNITS_PER_TICK;
    }

    double tickOf(BarBeat position) {
        int i = segmentOfBar(position.bar());
        TimeSignature m = meters[i];
        if (position.beat() >= m.numerator()) {
            throw new IllegalArgumentException("beat must be < " + m.numerator() + " in bar " + position.bar()
                    + " (" + m.numerator() + "/" + m.denominator() + "), got " + position.beat());
        }
        double beatTicks = beatUnits[i] / (double) UNITS_PER_TICK;
        if (position.tickInBeat() >= beatTicks) {
            throw new IllegalArgumentException("tickInBeat must be < " + beatTicks + " in "
                    + m.numerator() + "/" + m.denominator() + ", got " + position.tickInBeat());
        }
        double pos = (double) (position.bar() - firstBar[i]) * barUnits[i] + position.beat() * (double) beatUnits[i]
                + position.tickInBeat() * UNITS_PER_TICK;
        double u = startUnits[i] + pos - phaseUnits[i];
        double barStart = barStartUnits(position.bar());
        boolean lastBarOfSegment = i + 1 == startUnits.length || position.bar() + 1 >= firstBar[i + 1];
        double barEnd = lastBarOfSegment && i + 1 < startUnits.length
                ? startUnits[i + 1] : barStartUnits(position.bar()) + (double) barUnits[i];
        if (u < barStart || u >= barEnd) {
            throw new IllegalArgumentException(position + " does not exist: bar " + position.bar()
                    + " is a partial bar from tick " + barStart / UNITS_PER_TICK + " to " + barEnd / UNITS_PER_TICK);
        }
        return u / UNITS_PER_TICK;
    }

    private long barStartUnits(int bar) {
        int i = segmentOfBar(bar);
        long k = bar - firstBar[i];
        return k == 0 ? startUnits[i] : startUnits[i] + k * barUnits[i] - phaseUnits[i];
    }

    private int segmentOfBar(int bar) {
        if (bar < 0) {
            throw new IllegalArgumentException("bar must be >= 0, got " + bar);
        }
        int i = Arrays.binarySearch(firstBar, bar);
        return i >= 0 ? i : -i - 2;
    }

    private int segmentOfUnits(long u) {
        int i = Arrays.binarySearch(startUnits, u);
        return i >= 0 ? i : -i - 2;
    }

    private long barUnits(TimeSignature m) {
        return beatUnits(m) * m.numerator();
    }

    private long beatUnits(TimeSignature m) {
        // 4 quarters per whole note, UNITS_PER_TICK units per tick: 64 / denominator is exact.
        return (4L * UNITS_PER_TICK / m.denominator()) * ticksPerQuarter;
    }

    private static long units(long tick) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (tick > Long.MAX_VALUE / UNITS_PER_TICK) {
            throw new IllegalArgumentException("tick must be <= " + Long.MAX_VALUE / UNITS_PER_TICK + ", got " + tick);
        }
        return tick * UNITS_PER_TICK;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static int toBarIndex(long bar) {
        if (bar > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bar index exceeds " + Integer.MAX_VALUE + ": " + bar);
        }
        return (int) bar;
    }
}
