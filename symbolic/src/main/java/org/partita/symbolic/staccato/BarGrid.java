package org.partita.symbolic.staccato;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bar boundaries in whole notes from a list of meter changes (4/4 until the first one), for checking bar lines.
 * A meter change starts a new bar where it is written. Immutable.
 */
final class BarGrid {

    record Meter(WholeNotes at, int numerator, int denominator) {
        WholeNotes barLength() {
            return WholeNotes.of(numerator, denominator);
        }
    }

    private final List<Meter> meters;
    private final List<Long> barsBefore; // bars completed before each meter starts

    private BarGrid(List<Meter> meters) {
        this.meters = meters;
        this.barsBefore = new ArrayList<>();
        long bars = 0;
        for (int i = 0; i < meters.size(); i++) {
            barsBefore.add(bars);
            if (i + 1 < meters.size()) {
                WholeNotes span = meters.get(i + 1).at().minus(meters.get(i).at());
                WholeNotes inBars = span.times(meters.get(i).denominator(), meters.get(i).numerator());
                bars += (inBars.num() + inBars.den() - 1) / inBars.den();
            }
        }
    }

    static BarGrid of(List<Meter> changes) {
        List<Meter> sorted = new ArrayList<>();
        sorted.add(new Meter(WholeNotes.ZERO, 4, 4));
        changes.stream().sorted(Comparator.comparing(Meter::at)).forEach(m -> {
            if (sorted.get(sorted.size() - 1).at().compareTo(m.at()) == 0) {
                sorted.remove(sorted.size() - 1); // the last meter written at a position wins
            }
            sorted.add(m);
        });
        return new BarGrid(List.copyOf(sorted));
    }

    /**
     * Why a bar line at {@code at} is not on a bar boundary (naming the bar as written, {@code writtenBar}, the
     * meter and how much music came since {@code previousBarLine}), or empty when it is.
     */
    Optional<String> misplaced(WholeNotes at, WholeNotes previousBarLine, int writtenBar) {
        int m = 0;
        while (m + 1 < meters.size() && meters.get(m + 1).at().compareTo(at) <= 0) {
            m++;
        }
        Meter meter = meters.get(m);
        WholeNotes offset = at.minus(meter.at());
        WholeNotes inBars = offset.times(meter.denominator(), meter.numerator());
        long whole = inBars.num() / inBars.den();
        WholeNotes past = offset.minus(meter.barLength().times(whole, 1));
        if (past.isZero()) {
            return Optional.empty();
        }
        long bar = barsBefore.get(m) + whole + 1;
        WholeNotes since = at.minus(previousBarLine);
        return Optional.of("bar " + writtenBar + " does not add up: " + beats(since, meter) + " since the "
                + (writtenBar == 1 ? "start" : "previous bar line") + " where TIME:" + meter.numerator() + "/"
                + meter.denominator() + " needs whole bars of " + meter.numerator() + "; this bar line falls "
                + beats(past, meter) + " into bar " + bar + " of the meter");
    }

    private static String beats(WholeNotes length, Meter meter) {
        WholeNotes b = length.times(meter.denominator(), 1);
        String n = b.den() == 1 ? Long.toString(b.num()) : String.format(java.util.Locale.ROOT, "%.3g", b.toDouble());
        return n + (b.compareTo(WholeNotes.of(1, 1)) == 0 ? " beat" : " beats");
    }
}
