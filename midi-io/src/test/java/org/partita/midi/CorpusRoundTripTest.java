package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * All 6,864 files of {@code ../shared/data/corpora} read in lenient mode (and in strict mode: these
 * corpora break no rule), and read → write → read gives identical notes (start, duration, pitch,
 * velocity), programs, drum flags, tempos, meters and keys — in fact the whole Score, controls,
 * bends, texts and track names included. Writing at 480 ticks per quarter gives the score resampled
 * by {@link Score#resampled(int)}.
 */
class CorpusRoundTripTest {

    private static final int CORPUS_FILES = 6_864;

    /** The part of a Score that a MIDI round trip must keep exactly. */
    record Musical(int ticksPerQuarter, List<Object> tracks, Object tempos, Object meters, Object keys) {
        static Musical of(Score s) {
            List<Object> tracks = new ArrayList<>();
            for (Track t : s.tracks()) {
                tracks.add(List.of(t.program(), t.isDrum(), t.notes()));
            }
            return new Musical(s.ticksPerQuarter(), tracks, s.tempos(), s.timeSignatures(), s.keySignatures());
        }
    }

    @Test
    void everyCorpusFileReadsAndSurvivesWriteThenRead() {
        List<Path> files = SharedData.midiFiles(SharedData.dir("corpora"));
        assertEquals(CORPUS_FILES, files.size(), "corpus file count");
        MidiReader lenient = MidiReader.lenient();
        MidiReader strict = MidiReader.strict();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger notes = new AtomicInteger();
        AtomicInteger fullyEqual = new AtomicInteger();
        files.parallelStream().forEach(file -> {
            try {
                Score first = lenient.read(file).score();
                strict.read(file);
                byte[] written = MidiWriter.toBytes(first, first.ticksPerQuarter());
                Score second = lenient.read(written, file + " (rewritten)").score();
                if (!Musical.of(first).equals(Musical.of(second))) {
                    failures.add(file + ": round trip changed the music: " + firstDifference(first, second));
                } else if (first.equals(second)) {
                    fullyEqual.incrementAndGet();
                }
                Score at480 = lenient.read(MidiWriter.toBytes(first, 480), file + " (at 480)").score();
                if (!Musical.of(first.resampled(480)).equals(Musical.of(at480))) {
                    failures.add(file + ": writing at 480 tpq differs from resampled(480): "
                            + firstDifference(first.resampled(480), at480));
                }
                notes.addAndGet(first.noteCount());
            } catch (MidiFormatException | RuntimeException e) {
                failures.add(file + ": " + e);
            }
        });
        System.out.printf("Corpus round trip: %d files, %d notes, %d fully equal (incl. controls, bends, texts, names), %d failures%n",
                files.size(), notes.get(), fullyEqual.get(), failures.size());
        failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.size() + " files failed; first: " + failures.stream().limit(5).toList());
        assertEquals(files.size(), fullyEqual.get(), "files whose whole Score survived write then read");
    }

    private static String firstDifference(Score a, Score b) {
        if (a.tracks().size() != b.tracks().size()) {
            return "tracks " + a.tracks().size() + " -> " + b.tracks().size();
        }
        for (int i = 0; i < a.tracks().size(); i++) {
            Track x = a.tracks().get(i);
            Track y = b.tracks().get(i);
            if (x.program() != y.program() || x.isDrum() != y.isDrum()) {
                return "track " + i + " program/drum " + x.program() + "/" + x.isDrum() + " -> " + y.program() + "/" + y.isDrum();
            }
            for (int n = 0; n < Math.min(x.notes().size(), y.notes().size()); n++) {
                if (!x.notes().get(n).equals(y.notes().get(n))) {
                    return "track " + i + " note " + n + ": " + x.notes().get(n) + " -> " + y.notes().get(n);
                }
            }
            if (x.notes().size() != y.notes().size()) {
                return "track " + i + " notes " + x.notes().size() + " -> " + y.notes().size();
            }
        }
        if (!a.tempos().equals(b.tempos())) {
            return "tempos differ";
        }
        if (!a.timeSignatures().equals(b.timeSignatures())) {
            return "meters " + a.timeSignatures() + " -> " + b.timeSignatures();
        }
        return "keys " + a.keySignatures() + " -> " + b.keySignatures();
    }
}
