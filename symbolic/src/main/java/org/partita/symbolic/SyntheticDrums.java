package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * A GM drum part (channel 10): closed hi-hat on every eighth, kick and snare placed by meter — 4/4
 * backbeat (kick 1 and 3, snare 2 and 4), 3/4 waltz (kick 1, snare 2 and 3), 6/8 (kick on the first
 * dotted quarter, snare on the second) — with a snare pickup into every fourth bar.
 */
final class SyntheticDrums {

    static final int KICK = 36;
    static final int SNARE = 38;
    static final int CLOSED_HAT = 42;

    private SyntheticDrums() {
    }

    static Track compose(SyntheticPlan plan, Dice dice) {
        int eighths = plan.eighthsPerBar();
        boolean[] kick = new boolean[eighths];
        boolean[] snare = new boolean[eighths];
        kick[0] = true;
        if (plan.numerator() == 4) {
            kick[4] = true;
            if (dice.oneIn(2)) {
                kick[3] = true;
            }
            snare[2] = true;
            snare[6] = true;
        } else if (plan.denominator() == 4) {
            snare[2] = true;
            snare[4] = true;
        } else {
            snare[3] = true;
            if (dice.oneIn(2)) {
                kick[5] = true;
            }
        }
        long step = plan.eighthTicks();
        long hit = plan.ticksPerQuarter() / 4;
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.bars(); bar++) {
            long barStart = bar * plan.barTicks();
            boolean fill = bar % 4 == 3 && bar != plan.bars() - 1;
            for (int e = 0; e < eighths; e++) {
                long t = barStart + e * step;
                boolean onPulse = e % plan.eighthsPerPulse() == 0;
                notes.add(new Note(t, hit, CLOSED_HAT, onPulse ? 80 : 64));
                if (kick[e]) {
                    notes.add(new Note(t, hit, KICK, 100));
                }
                if (snare[e] || (fill && e >= eighths - 2)) {
                    notes.add(new Note(t, hit, SNARE, snare[e] ? 96 : 84));
                }
            }
        }
        return Track.of("Drums", 0, true, notes);
    }
}
