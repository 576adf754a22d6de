package org.partita.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.midi.SharedData;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/** The metrics on real files from ../shared/data, checked against a plain piano-roll computation. */
class MetricsCorpusTest {

    @Test
    void polyphonyMatchesADensePianoRollOnRealFiles() throws Exception {
        for (Path file : sample("corpora/pop909", 5)) {
            Score s = MidiReader.lenient().read(file).score().resampled(12);
            boolean[][] roll = roll(s);
            long cells = 0;
            long sounding = 0;
            long several = 0;
            for (boolean[] step : roll) {
                int n = 0;
                for (boolean on : step) {
                    n += on ? 1 : 0;
                }
                cells += n;
                sounding += n > 0 ? 1 : 0;
                several += n >= 2 ? 1 : 0;
            }
            assertEquals(cells / (double) sounding, Metrics.polyphony(s), 1e-12, file.toString());
            assertEquals(several / (double) roll.length, Metrics.polyphonyRate(s, 2, false), 1e-12, file.toString());
        }
    }

    @Test
    void pianoPiecesHaveNoDrumMetricsAndDrumPiecesNoPitchMetrics() throws Exception {
        for (Path file : sample("corpora/pop909", 3)) {
            PieceMetrics m = Metrics.of(MidiReader.lenient().read(file).score(), MetricSettings.defaults());
            assertTrue(Double.isNaN(m.get(Metric.DRUM_PATTERN_CONSISTENCY)), file.toString());
            assertTrue(m.get(Metric.N_PITCH_CLASSES_USED) <= m.get(Metric.N_PITCHES_USED), file.toString());
            assertTrue(m.get(Metric.PITCH_CLASS_ENTROPY) <= Math.log(12) / Math.log(2) + 1e-12, file.toString());
            assertTrue(m.get(Metric.SCALE_CONSISTENCY) >= 7.0 / 12.0 - 1e-12, file.toString());
        }
        for (Path file : sample("corpora/groove_gmd", 3)) {
            PieceMetrics m = Metrics.of(MidiReader.lenient().read(file).score(), MetricSettings.defaults());
            assertTrue(Double.isNaN(m.get(Metric.PITCH_ENTROPY)), file.toString());
            assertEquals(0.0, m.get(Metric.PITCH_RANGE), file.toString());
            double rate = m.get(Metric.DRUM_PATTERN_CONSISTENCY);
            assertFalse(Double.isNaN(rate), file.toString());
            assertTrue(rate >= m.get(Metric.DRUM_IN_PATTERN_RATE), file.toString());
        }
    }

    private static List<Path> sample(String dir, int n) {
        List<Path> files = SharedData.midiFiles(SharedData.dir(dir));
        return files.subList(0, Math.min(n, files.size()));
    }

    /** MusPy's _get_pianoroll: length = last note end over all tracks, non-drum pitches on in [start, end). */
    private static boolean[][] roll(Score s) {
        long length = 0;
        for (Track t : s.tracks()) {
            for (Note n : t.notes()) {
                length = Math.max(length, n.endTick());
            }
        }
        boolean[][] roll = new boolean[(int) length][128];
        for (Track t : s.tracks()) {
            if (t.isDrum()) {
                continue;
            }
            for (Note n : t.notes()) {
                for (long i = n.startTick(); i < n.endTick(); i++) {
                    roll[(int) i][n.pitch()] = true;
                }
            }
        }
        return roll;
    }
}
