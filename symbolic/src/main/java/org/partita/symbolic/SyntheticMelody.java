package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * A melody built from one motif of {@code period} bars (1 or 2, seeded) repeated throughout, so the
 * same pitches and onsets recur exactly one period later. Two variations keep it from being a pure
 * loop and are kept rare so the repetition dominates: the final repetition ends on the tonic, and
 * pieces with at least 10 bar pairs to compare get one note of one middle repetition moved by a
 * scale step.
 */
final class SyntheticMelody {

    private static final Integer[] PROGRAMS = {73, 40, 56, 0};
    private static final int[] STEPS = {-2, -1, -1, 0, 1, 1, 2, 3, -3};
    private static final int[] DURATIONS_IN_EIGHTHS = {1, 1, 2, 2, 2, 3, 4};
    private static final int OCTAVE_BASE = 60;

    private SyntheticMelody() {
    }

    /** One motif note: onset and length in eighths from the motif start, scale degree, velocity. */
    private record MotifNote(int onsetEighths, int lengthEighths, int degree, int velocity) {
    }

    static Track compose(SyntheticPlan plan, Dice dice) {
        int program = dice.pick(PROGRAMS);
        int periodBars = dice.oneIn(2) ? 1 : 2;
        List<MotifNote> motif = motif(plan, periodBars, dice);
        int repetitions = Math.floorDiv(plan.bars() + periodBars - 1, periodBars);
        int variedRepetition = -1;
        int variedNote = 0;
        int variedStep = 0;
        if (plan.bars() - periodBars >= 10 && repetitions >= 3) {
            variedRepetition = 1 + dice.below(repetitions - 2);
            variedNote = dice.below(motif.size());
            variedStep = dice.pick(-1, 1);
        }
        long eighth = plan.eighthTicks();
        long pieceEnd = plan.bars() * plan.barTicks();
        List<Note> notes = new ArrayList<>();
        for (int r = 0; r < repetitions; r++) {
            long offset = r * periodBars * plan.barTicks();
            for (int k = 0; k < motif.size(); k++) {
                MotifNote m = motif.get(k);
                long start = offset + m.onsetEighths() * eighth;
                if (start >= pieceEnd) {
                    break;
                }
                int degree = m.degree();
                if (r == variedRepetition && k == variedNote) {
                    degree += variedStep;
                }
                boolean lastNote = k == motif.size() - 1 || offset + motif.get(k + 1).onsetEighths() * eighth >= pieceEnd;
                if (r == repetitions - 1 && lastNote) {
                    degree = nearestTonic(degree);
                }
                long duration = Math.min(m.lengthEighths() * eighth, pieceEnd - start);
                notes.add(new Note(start, duration, plan.pitch(degree, OCTAVE_BASE), m.velocity()));
            }
        }
        return Track.of("Melody", program, false, notes);
    }

    /** The tonic degree (a multiple of 7) closest to {@code degree}, upwards from the dominant. */
    private static int nearestTonic(int degree) {
        int below = degree - Math.floorMod(degree, 7);
        return Math.floorMod(degree, 7) >= 4 ? below + 7 : below;
    }

    /** Onsets on the eighth grid filling {@code periodBars} bars; an occasional rest; a stepwise pitch walk. */
    private static List<MotifNote> motif(SyntheticPlan plan, int periodBars, Dice dice) {
        int total = plan.eighthsPerBar() * periodBars;
        int degree = dice.pick(0, 2, 4);
        List<MotifNote> motif = new ArrayList<>();
        int at = 0;
        while (at < total) {
            int length = Math.min(dice.pick(DURATIONS_IN_EIGHTHS), total - at);
            boolean rest = at > 0 && dice.oneIn(8);
            if (!rest) {
                boolean downbeat = at % plan.eighthsPerBar() == 0;
                motif.add(new MotifNote(at, length, degree, downbeat ? 100 : 80 + dice.below(12)));
                degree = Math.max(-2, Math.min(9, degree + dice.pick(STEPS)));
            }
            at += length;
        }
        return motif;
    }
}
