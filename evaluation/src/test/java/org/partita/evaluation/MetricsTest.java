package org.partita.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * Every metric on a hand-made piece whose answers are worked out below, in both the documented and the
 * MusPy-compatible variants.
 *
 * <p>The piece, at 12 ticks per quarter (4/4, so a bar is 48 steps), length 60:
 * <pre>
 * piano: C4 [0,12)  E4 [0,24)  G4 [12,24)  C5 [24,36)  C#4 [48,60)
 * drums: onsets 0, 3, 4, 8, 49 (1 tick each)
 * </pre>
 */
class MetricsTest {

    private static final double EPS = 1e-12;

    static Score piece() {
        Track piano = Track.of("piano", 0, false, List.of(note(0, 12, 60), note(0, 24, 64), note(12, 12, 67),
                note(24, 12, 72), note(48, 12, 61)));
        Track drums = Track.of("drums", 0, true, List.of(note(0, 1, 36), note(3, 1, 42), note(4, 1, 42),
                note(8, 1, 38), note(49, 1, 36)));
        return Score.empty(12).withTracks(List.of(piano, drums));
    }

    static Note note(long start, long duration, int pitch) {
        return new Note(start, duration, pitch, 80);
    }

    @Test
    void pitchCountsAndRangeIgnoreDrums() {
        Score s = piece();
        assertEquals(72 - 60, Metrics.pitchRange(s, false));
        assertEquals(5, Metrics.nPitchesUsed(s)); // 60 64 67 72 61
        assertEquals(4, Metrics.nPitchClassesUsed(s)); // 0 4 7 0 1 -> {0,1,4,7}
    }

    @Test
    void polyphonyAveragesPitchesOverSoundingSteps() {
        // [0,12) 2 pitches, [12,24) 2, [24,36) 1, [36,48) none, [48,60) 1: (24 + 24 + 12 + 12) / 48 sounding steps
        assertEquals(72.0 / 48.0, Metrics.polyphony(piece()), EPS);
    }

    @Test
    void polyphonyRateCountsStepsWithAtLeastTheThresholdAndMusPyMoreThanIt() {
        // 24 of 60 steps hold 2 pitches; none holds 3
        assertEquals(24.0 / 60.0, Metrics.polyphonyRate(piece(), 2, false), EPS);
        assertEquals(0.0, Metrics.polyphonyRate(piece(), 2, true), EPS);
        assertEquals(24.0 / 60.0, Metrics.polyphonyRate(piece(), 1, true), EPS);
    }

    @Test
    void entropiesAreInBits() {
        // five pitches once each: log2 5
        assertEquals(Math.log(5) / Math.log(2), Metrics.pitchEntropy(piece()), EPS);
        // classes 0 twice, 1, 4, 7 once: -(0.4 log2 0.4 + 3 * 0.2 log2 0.2)
        double expected = -(0.4 * log2(0.4) + 3 * 0.2 * log2(0.2));
        assertEquals(expected, Metrics.pitchClassEntropy(piece()), EPS);
    }

    @Test
    void scaleConsistencyIsTheBestOfTwentyFourScales() {
        // C major holds C, E, G, C (4 of 5); no major or natural minor scale holds C, C#, E and G together
        assertEquals(0.8, Metrics.scaleConsistency(piece()), EPS);
    }

    @Test
    void emptyBeatRateCountsBeatsNoNoteOverlaps() {
        // ceil(60/12) = 5 beats; only beat 3 ([36,48)) is empty
        assertEquals(1.0 / 5.0, Metrics.emptyBeatRate(piece(), false), EPS);
        // MusPy: 60 // 12 + 1 = 6 beats, and C5 [24,36) also fills beat 3 (36 // 12): no empty beat
        assertEquals(0.0, Metrics.emptyBeatRate(piece(), true), EPS);
    }

    @Test
    void drumPatternRatesCheckOnsetsInsideTheQuarter() {
        // duple at 12 steps: positions 0 3 6 9 -> onsets 0 and 3 of 0 3 4 8 1(=49 mod 12)
        assertEquals(2.0 / 5.0, Metrics.drumInPatternRate(piece(), MetricSettings.DrumMeter.DUPLE), EPS);
        // triple: positions 0 4 8 -> onsets 0, 4, 8
        assertEquals(3.0 / 5.0, Metrics.drumInPatternRate(piece(), MetricSettings.DrumMeter.TRIPLE), EPS);
        assertEquals(3.0 / 5.0, Metrics.drumPatternConsistency(piece()), EPS);
    }

    @Test
    void grooveConsistencyComparesNeighbouringBars() {
        // bar 0 onsets {0,3,4,8,12,24}, bar 1 {0,1}: they differ at 1,3,4,8,12,24 -> 1 - 6/48
        assertEquals(1.0 - 6.0 / 48.0, Metrics.grooveConsistency(piece(), 48, false), EPS);
        assertEquals(1.0 - 6.0 / 48.0, Metrics.grooveConsistency(piece(), 48, true), EPS);
    }

    @Test
    void grooveConsistencyOfAPieceEndingOnABarLineHasNoExtraBar() {
        Score twoBars = Score.empty(12).withTracks(List.of(Track.of("p", 0, false,
                List.of(note(0, 48, 60), note(48, 48, 62)))));
        // 2 bars with onset {0} each: identical
        assertEquals(1.0, Metrics.grooveConsistency(twoBars, 48, false), EPS);
        // MusPy: 96 // 48 + 1 = 3 bars, the third empty: one differing step over 2 * 48
        assertEquals(1.0 - 1.0 / 96.0, Metrics.grooveConsistency(twoBars, 48, true), EPS);
    }

    @Test
    void undefinedMetricsAreNaN() {
        Score drumsOnly = Score.empty(12).withTracks(List.of(piece().tracks().get(1)));
        assertEquals(0, Metrics.pitchRange(drumsOnly, false));
        assertEquals(0 - 127, Metrics.pitchRange(drumsOnly, true)); // MusPy's highest=0, lowest=127 start values
        assertTrue(Double.isNaN(Metrics.pitchEntropy(drumsOnly)));
        assertTrue(Double.isNaN(Metrics.scaleConsistency(drumsOnly)));
        assertTrue(Double.isNaN(Metrics.polyphony(drumsOnly)));
        Score melodyOnly = Score.empty(12).withTracks(List.of(piece().tracks().get(0)));
        assertTrue(Double.isNaN(Metrics.drumPatternConsistency(melodyOnly)));
        Score empty = Score.empty(12);
        PieceMetrics m = Metrics.of(empty, MetricSettings.defaults());
        assertTrue(Double.isNaN(m.get(Metric.EMPTY_BEAT_RATE)));
        assertTrue(Double.isNaN(m.get(Metric.POLYPHONY_RATE)));
        assertTrue(Double.isNaN(m.get(Metric.GROOVE_CONSISTENCY)));
    }

    @Test
    void allMetricsTogetherUseTheFirstMeterForTheBar() {
        PieceMetrics m = Metrics.of(piece(), MetricSettings.defaults());
        assertEquals(0.875, m.get(Metric.GROOVE_CONSISTENCY), EPS);
        assertEquals(0.4, m.get(Metric.DRUM_IN_PATTERN_RATE), EPS);
        // resampled to 24 steps per quarter every onset and length doubles: same ratios, except groove
        // consistency, whose Hamming distance is divided by the steps in a bar (now 96): 1 - 6/96
        PieceMetrics at24 = Metrics.of(piece(), MetricSettings.defaults().withStepsPerQuarter(24));
        for (Metric metric : Metric.values()) {
            double expected = metric == Metric.GROOVE_CONSISTENCY ? 1.0 - 6.0 / 96.0 : m.get(metric);
            assertEquals(expected, at24.get(metric), EPS, metric.jsonName());
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
