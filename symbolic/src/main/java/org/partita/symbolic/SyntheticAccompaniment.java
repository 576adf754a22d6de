package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Bass and chord parts that follow the plan's progression: the bass plays the chord root (or root and
 * fifth) once per pulse; the chords are triads in root position, either struck as blocks once per
 * pulse or broken into eighths (root, third, fifth, third).
 */
final class SyntheticAccompaniment {

    static final int BASS_PROGRAM = 33;
    private static final int[] CHORD_PROGRAMS = {0, 4, 5};

    private SyntheticAccompaniment() {
    }

    static Track bass(SyntheticPlan plan, Dice dice) {
        boolean rootFifth = dice.oneIn(2);
        long pulse = plan.eighthsPerPulse() * plan.eighthTicks();
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.bars(); bar++) {
            int root = plan.chordDegree(bar);
            for (int p = 0; p < plan.pulsesPerBar(); p++) {
                int degree = rootFifth && p % 2 == 1 ? root + 4 : root;
                long start = bar * plan.barTicks() + p * pulse;
                notes.add(new Note(start, pulse - plan.eighthTicks() / 2, plan.pitch(degree, 36), p == 0 ? 96 : 84));
            }
        }
        return Track.of("Bass", BASS_PROGRAM, false, notes);
    }

    static Track chords(SyntheticPlan plan, Dice dice) {
        int program = dice.pick(CHORD_PROGRAMS);
        boolean broken = dice.oneIn(2);
        long pulse = plan.eighthsPerPulse() * plan.eighthTicks();
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.bars(); bar++) {
            int root = plan.chordDegree(bar);
            int[] triad = {plan.pitch(root, 48), plan.pitch(root + 2, 48), plan.pitch(root + 4, 48)};
            long barStart = bar * plan.barTicks();
            if (broken) {
                int[] order = {0, 1, 2, 1};
                for (int e = 0; e < plan.eighthsPerBar(); e++) {
                    notes.add(new Note(barStart + e * plan.eighthTicks(), plan.eighthTicks(),
                            triad[order[e % order.length]], e == 0 ? 76 : 64));
                }
            } else {
                for (int p = 0; p < plan.pulsesPerBar(); p++) {
                    for (int pitch : triad) {
                        notes.add(new Note(barStart + p * pulse, pulse, pitch, p == 0 ? 72 : 62));
                    }
                }
            }
        }
        return Track.of("Chords", program, false, notes);
    }
}
