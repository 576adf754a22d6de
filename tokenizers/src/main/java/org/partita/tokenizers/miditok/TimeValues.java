package org.partita.tokenizers.miditok;

import java.util.ArrayList;
import java.util.List;
import org.partita.tokenizers.remi.BeatRange;

/**
 * MidiTok's time values: {@code (beat, position, resolution)} tuples, written {@code b.p.r} in
 * Duration, TimeShift and Rest tokens, worth {@code (beat × resolution + position) × ticksPerBeat
 * // resolution} ticks. Tuples are {@code int[3]}; methods never keep or change the arrays passed
 * in. Stateless and thread-safe.
 */
public final class TimeValues {

    private TimeValues() {
    }

    /**
     * MidiTok's duration/rest tuples of {@code ranges}: every (beat, pos, res) of every range, plus the
     * end of the last range, minus (0, 0, res). Ordered as MidiTok lists them (non-decreasing ticks
     * when the ranges are ordered).
     */
    public static int[][] tuples(List<BeatRange> ranges) {
        List<int[]> out = new ArrayList<>();
        for (BeatRange r : ranges) {
            for (int b = r.startBeat(); b < r.endBeat(); b++) {
                for (int p = 0; p < r.positionsPerBeat(); p++) {
                    out.add(new int[] {b, p, r.positionsPerBeat()});
                }
            }
        }
        // Python's max over (start, end) tuples: the lexicographically greatest range.
        BeatRange last = ranges.get(0);
        for (BeatRange r : ranges) {
            if (r.startBeat() > last.startBeat() || (r.startBeat() == last.startBeat() && r.endBeat() > last.endBeat())) {
                last = r;
            }
        }
        out.add(new int[] {last.endBeat(), 0, last.positionsPerBeat()});
        out.remove(0);
        return out.toArray(new int[0][]);
    }

    /** Ticks of a (beat, pos, res) value at {@code ticksPerBeat}: {@code (beat*res+pos)*tpb // res}. */
    public static long ticks(int[] tuple, long ticksPerBeat) {
        return Math.floorDiv(((long) tuple[0] * tuple[2] + tuple[1]) * ticksPerBeat, tuple[2]);
    }

    /** Ticks of each tuple at {@code ticksPerBeat}, in the tuples' order. */
    public static long[] ticks(int[][] tuples, long ticksPerBeat) {
        long[] out = new long[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            out[i] = ticks(tuples[i], ticksPerBeat);
        }
        return out;
    }

    /** The tokens {@code prefix + "b.p.r"} of {@code tuples}, e.g. {@code Duration_1.4.8}. */
    public static List<String> tokens(String prefix, int[][] tuples) {
        List<String> out = new ArrayList<>(tuples.length);
        for (int[] t : tuples) {
            out.add(prefix + t[0] + "." + t[1] + "." + t[2]);
        }
        return out;
    }
}
