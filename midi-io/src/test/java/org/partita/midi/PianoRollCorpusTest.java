package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partita.midi.render.PianoRollPng;
import org.partita.midi.render.RenderOptions;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.symbolic.npy.Npy;
import org.partita.symbolic.npy.Npz;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.roll.PianoRollNpz;
import org.partita.symbolic.roll.RollPlane;

/**
 * Piano rolls of real files from {@code ../shared/data}: all of freedoom_music (multitrack, drums,
 * 11 resolutions) and every tenth POP909 file (piano, dense tempo maps).
 */
class PianoRollCorpusTest {

    private static final int SPQ = 24;

    static Stream<Path> files() {
        List<Path> freedoom = SharedData.midiFiles(SharedData.dir("corpora/freedoom_music"));
        List<Path> pop909 = SharedData.midiFiles(SharedData.dir("corpora/pop909"));
        return Stream.concat(freedoom.stream(), IntStream.range(0, pop909.size()).filter(i -> i % 10 == 0).mapToObj(pop909::get));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void quantisedScoreComesBackExactly(Path file) throws MidiFormatException {
        Score score = MidiReader.lenient().read(file).score();
        Score quantised = PianoRoll.from(score).toScore();
        assertEquals(quantised, PianoRoll.from(quantised).toScore(), "at the roll's resolution");
        if (score.ticksPerQuarter() >= SPQ) {
            // Back at the file's own resolution, on the grid, and through the roll again.
            assertEquals(quantised, PianoRoll.from(quantised.resampled(score.ticksPerQuarter())).toScore(),
                    "at the file's resolution " + score.ticksPerQuarter());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void notesThatCollideWithNoOtherKeepTheirQuantisedTimesAndVelocity(Path file) throws MidiFormatException {
        Score score = MidiReader.lenient().read(file).score();
        Score quantised = PianoRoll.from(score).toScore();
        int tpq = score.ticksPerQuarter();
        int alone = 0;
        for (int t = 0; t < score.tracks().size(); t++) {
            Map<Note, Integer> decoded = new HashMap<>();
            quantised.tracks().get(t).notes().forEach(n -> decoded.merge(n, 1, Integer::sum));
            for (Note expected : aloneOnTheGrid(score.tracks().get(t), tpq)) {
                Integer left = decoded.merge(expected, -1, Integer::sum);
                assertTrue(left != null && left >= 0, "track " + t + " lacks " + expected);
                alone++;
            }
        }
        assertTrue(alone > 0 || score.noteCount() == 0, "some notes were checked");
    }

    /** The independent oracle: each note quantised by the documented rule, kept if no other note of its pitch overlaps it. */
    private static List<Note> aloneOnTheGrid(Track track, int tpq) {
        Map<Integer, List<long[]>> byPitch = new HashMap<>();
        for (Note n : track.notes()) {
            long start = PianoRoll.stepOfTick(n.startTick(), tpq, SPQ);
            long end = Math.max(PianoRoll.stepOfTick(n.endTick(), tpq, SPQ), start + 1);
            byPitch.computeIfAbsent(n.pitch(), p -> new ArrayList<>()).add(new long[] {start, end, n.velocity()});
        }
        List<Note> out = new ArrayList<>();
        byPitch.forEach((pitch, notes) -> {
            notes.sort(Comparator.comparingLong((long[] a) -> a[0]));
            long maxEndBefore = Long.MIN_VALUE;
            for (int i = 0; i < notes.size(); i++) {
                long[] n = notes.get(i);
                boolean clearBefore = maxEndBefore <= n[0];
                boolean clearAfter = i + 1 == notes.size() || notes.get(i + 1)[0] >= n[1];
                if (clearBefore && clearAfter) {
                    out.add(new Note(n[0], n[1] - n[0], pitch, (int) n[2]));
                }
                maxEndBefore = Math.max(maxEndBefore, n[1]);
            }
        });
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstOfEachCorpus")
    void npzHeadersDescribeThePlanes(Path file) throws MidiFormatException {
        PianoRoll roll = PianoRoll.from(MidiReader.lenient().read(file).score());
        Map<String, byte[]> arrays = Npz.decode(PianoRollNpz.encode(roll));
        assertArrayEquals(new long[] {roll.trackCount(), roll.stepCount(), 128}, Npy.readHeader(arrays.get("onset")).shape());
        assertArrayEquals(roll.planeCopy(RollPlane.FRAME), Npy.readUint8(arrays.get("frame")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstOfEachCorpus")
    void pngStaysWithinTheSizeLimits(Path file) throws MidiFormatException {
        PianoRoll roll = PianoRoll.from(MidiReader.lenient().read(file).score());
        BufferedImage image = PianoRollPng.toImage(roll, RenderOptions.defaults());
        assertTrue(image.getWidth() <= 2400 + 100, "width " + image.getWidth());
        assertTrue(image.getHeight() <= 14 * 128 + 300, "height " + image.getHeight());
    }

    static Stream<Path> firstOfEachCorpus() {
        return Stream.of("freedoom_music", "pop909", "piano_midi_de", "groove_gmd")
                .map(c -> SharedData.midiFiles(SharedData.dir("corpora/" + c)).get(0));
    }
}
