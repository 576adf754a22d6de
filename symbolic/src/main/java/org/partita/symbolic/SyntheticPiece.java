package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes piece number {@code index} of a synthetic corpus: draws its plan (meter, bars, key,
 * progression, tempo), then its four parts in a fixed order so that a seed always gives the same
 * piece.
 */
final class SyntheticPiece {

    /** 4/4, 3/4, 6/8 as (numerator, denominator). */
    private static final int[][] METERS = {{4, 4}, {3, 4}, {6, 8}};
    private static final int[][] MAJOR_PROGRESSIONS = {{0, 4, 5, 3}, {0, 5, 3, 4}, {5, 3, 0, 4}, {0, 3, 4, 0}, {1, 4, 0, 5}};
    private static final int[][] MINOR_PROGRESSIONS = {{0, 5, 2, 6}, {0, 3, 4, 0}, {0, 6, 5, 6}, {0, 3, 6, 2}};

    private SyntheticPiece() {
    }

    /**
     * Meter by rotation, shifted by one every three pieces, so pieces 0-2 are 4/4, 3/4, 6/8 and every
     * meter meets every position of the tempo-change rotation.
     */
    static int[] meterOf(int index) {
        return METERS[(index + index / 3) % METERS.length];
    }

    static Score compose(SyntheticConfig config, int index, Dice dice) {
        int[] meter = meterOf(index);
        int bars = config.minBars() + dice.below(config.maxBars() - config.minBars() + 1);
        int sharps = dice.below(7) - 3;
        boolean minor = dice.oneIn(3);
        int majorTonic = Math.floorMod(7 * sharps, 12);
        int tonic = minor ? (majorTonic + 9) % 12 : majorTonic;
        int[] progression = dice.pick(minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS);
        SyntheticPlan plan = new SyntheticPlan(config.ticksPerQuarter(), meter[0], meter[1], bars, tonic, minor, progression);

        int bpm = 80 + dice.below(61);
        List<TempoChange> tempos = new ArrayList<>();
        tempos.add(TempoChange.ofBpm(0, bpm));
        int every = config.tempoChangeEvery();
        if (every > 0 && index % every == every - 1) {
            int changeBar = Math.max(1, bars / 2);
            double factor = dice.oneIn(2) ? 0.75 : 1.25;
            tempos.add(TempoChange.ofBpm(changeBar * plan.barTicks(), Math.round(bpm * factor)));
        }

        List<Track> tracks = List.of(
                SyntheticMelody.compose(plan, dice),
                SyntheticAccompaniment.chords(plan, dice),
                SyntheticAccompaniment.bass(plan, dice),
                SyntheticDrums.compose(plan, dice));
        return new Score(config.ticksPerQuarter(), tracks, tempos,
                List.of(new TimeSignature(0, meter[0], meter[1])),
                List.of(new KeySignature(0, sharps, minor)),
                List.of(new TextEvent(0, TextEvent.Kind.TEXT,
                        "partita synthetic corpus: seed " + config.seed() + ", piece " + index)));
    }
}
