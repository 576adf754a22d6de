package org.partita.tokenizers.remi;

import org.partita.tokenizers.miditok.MidiTokBins;
import org.partita.tokenizers.miditok.TimeValues;

/**
 * The tick values of MidiTok's Duration or Rest tuples at one ticks-per-beat, with lookup tables by
 * tick count (up to the largest bin) so snapping and token lookup cost one array read. Immutable.
 */
final class TimeBins {

    /** Ticks of each tuple, non-decreasing (several tuples may share a tick value at low resolutions). */
    final long[] ticks;
    /** By tick count 0..max: index of the nearest bin (numpy's closest, ties upward). */
    private final int[] nearest;
    /** By tick count 0..max: index of the last tuple with exactly those ticks, or of the nearest. */
    private final int[] token;

    TimeBins(int[][] tuples, int ticksPerBeat) {
        ticks = new long[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            ticks[i] = TimeValues.ticks(tuples[i], ticksPerBeat);
        }
        int max = ticks.length == 0 ? -1 : (int) Math.min(ticks[ticks.length - 1], 1 << 16);
        nearest = new int[max + 1];
        token = new int[max + 1];
        for (int t = 0; t <= max; t++) {
            nearest[t] = MidiTokBins.closest(ticks, t);
            token[t] = lastEqualOrNearest(t);
        }
    }

    /** Index of the bin nearest to {@code t} ticks. */
    int nearest(long t) {
        return t >= 0 && t < nearest.length ? nearest[(int) t] : MidiTokBins.closest(ticks, t);
    }

    /** The token index for a snapped value: the last tuple with exactly {@code t} ticks. */
    int tokenIndex(long t) {
        return t >= 0 && t < token.length ? token[(int) t] : lastEqualOrNearest(t);
    }

    private int lastEqualOrNearest(long t) {
        int found = -1;
        for (int i = 0; i < ticks.length; i++) {
            if (ticks[i] == t) {
                found = i;
            } else if (ticks[i] > t) {
                break;
            }
        }
        return found >= 0 ? found : MidiTokBins.closest(ticks, t);
    }
}
