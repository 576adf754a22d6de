package org.partita.training.roll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VoiceLeadingTest {
    @Test
    void countsParallelFifthsAndOctavesOnlyWhenBothVoicesMoveTheSameWay() {
        // all but the tenor move up a tone: soprano–alto (fifth) and soprano–bass (compound fifth) are parallel
        // fifths, alto–bass (octave) a parallel octave; the tenor stays, so its intervals are oblique motion
        VoiceRoll r = VoiceRoll.ofPitches(new int[][] {
                {67, 69},
                {60, 62},
                {52, 52},
                {48, 50}});
        VoiceLeading v = VoiceLeading.of(r);
        assertEquals(2, v.parallelFifths());
        assertEquals(1, v.parallelOctaves());
        assertEquals(0, v.crossings());
    }

    @Test
    void countsACrossingOnceWhenAVoiceGoesBelowTheOneUnderIt() {
        VoiceRoll r = VoiceRoll.ofPitches(new int[][] {
                {72, 72, 72},
                {64, 60, 60},
                {62, 62, 62},
                {48, 48, 48}});
        VoiceLeading v = VoiceLeading.of(r);
        assertEquals(1, v.crossings());
        assertEquals(0.75, v.beats());
        assertEquals(133.33, v.per100Beats(1), 0.01);
    }
}
