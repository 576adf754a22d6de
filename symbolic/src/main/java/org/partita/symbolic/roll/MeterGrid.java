package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partita.symbolic.TimeSignature;

/**
 * Bar and beat starts of a meter map given in steps, until {@code TimeGrid} (another branch) can
 * answer this. Rules: 4/4 from step 0 unless a meter is given there; a meter change starts a new bar
 * at its step (the bar before it may be cut short); of several meters at one step the last wins; a
 * beat is one denominator note, {@code 4 × stepsPerQuarter / denominator} steps, a bar is
 * {@code numerator} beats. The k-th beat after a meter change starts at
 * {@code changeStep + roundHalfUp(k × 4 × stepsPerQuarter / denominator)}, computed exactly in
 * integers, so bars never drift even when a beat is not a whole number of steps.
 */
final class MeterGrid {

    /** Marks of one step. */
    static final byte NONE = 0;
    static final byte BEAT = 1;
    static final byte DOWNBEAT = 2;

    private MeterGrid() {
    }

    /**
     * One mark per step in {@code [0, stepCount)}: {@link #DOWNBEAT} where a bar starts, {@link #BEAT}
     * where another beat starts, else {@link #NONE}.
     *
     * @param meters meter changes whose {@code tick} is a step, in step order
     */
    static byte[] marks(List<TimeSignature> meters, int stepCount, int stepsPerQuarter) {
        List<TimeSignature> segments = segments(meters);
        byte[] marks = new byte[stepCount];
        for (int i = 0; i < segments.size(); i++) {
            TimeSignature m = segments.get(i);
            long segmentEnd = i + 1 < segments.size() ? segments.get(i + 1).tick() : stepCount;
            segmentEnd = Math.min(segmentEnd, stepCount);
            long quarterSteps4 = 4L * stepsPerQuarter;
            for (long beat = 0; ; beat++) {
                long step = m.tick() + roundHalfUp(beat * quarterSteps4, m.denominator());
                if (step >= segmentEnd) {
                    break;
                }
                byte mark = beat % m.numerator() == 0 ? DOWNBEAT : BEAT;
                if (mark > marks[(int) step]) {
                    marks[(int) step] = mark;
                }
            }
        }
        return marks;
    }

    /** Steps whose mark is at least {@code minimum}, ascending. */
    static int[] stepsMarked(byte[] marks, byte minimum) {
        int[] steps = new int[marks.length];
        int n = 0;
        for (int s = 0; s < marks.length; s++) {
            if (marks[s] >= minimum) {
                steps[n++] = s;
            }
        }
        return Arrays.copyOf(steps, n);
    }

    /** The meters in force, one per distinct step, with 4/4 at step 0 unless one is given there. */
    private static List<TimeSignature> segments(List<TimeSignature> meters) {
        List<TimeSignature> out = new ArrayList<>();
        if (meters.isEmpty() || meters.get(0).tick() > 0) {
            out.add(TimeSignature.DEFAULT);
        }
        for (TimeSignature m : meters) {
            if (!out.isEmpty() && out.get(out.size() - 1).tick() == m.tick()) {
                out.set(out.size() - 1, m);
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static long roundHalfUp(long numerator, long denominator) {
        return Math.floorDiv(2 * numerator + denominator, 2 * denominator);
    }
}
