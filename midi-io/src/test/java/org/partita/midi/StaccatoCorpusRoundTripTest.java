package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partita.symbolic.Score;
import org.partita.symbolic.staccato.GridNote;
import org.partita.symbolic.staccato.StaccatoReader;
import org.partita.symbolic.staccato.StaccatoReading;
import org.partita.symbolic.staccato.StaccatoWriter;

/**
 * Real corpora written as Staccato and read back: every file gives the same notes on the grid
 * ({@link GridNote#byPart}: onset, length, pitch, velocity per program, drums included) and no warning (every
 * bar line the writer puts falls on a bar boundary of the meter it wrote).
 */
class StaccatoCorpusRoundTripTest {

    @ParameterizedTest(name = "{0} on a grid of {1}")
    @CsvSource({"corpora/js_fakes, 16", "corpora/nottingham, 12", "corpora/freedoom_music, 16",
            "corpora/freedoom_music, 48"})
    void corpusFilesReadBackAsTheSameGridNotes(String folder, int grid) {
        List<Path> files = SharedData.midiFiles(SharedData.dir(folder));
        assertTrue(files.size() > 10, folder + " has " + files.size() + " MIDI files");
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger notes = new AtomicInteger();
        AtomicInteger drumNotes = new AtomicInteger();
        files.parallelStream().forEach(file -> {
            try {
                Score score = MidiReader.lenient().read(file).score();
                String text = StaccatoWriter.ofGrid(grid).write(score);
                StaccatoReading back = StaccatoReader.defaults().read(text);
                if (!back.warnings().isEmpty()) {
                    failures.add(file + ": " + back.warnings().size() + " warnings, first: " + back.warnings().get(0));
                } else if (!GridNote.byPart(score, grid).equals(GridNote.byPart(back.score(), grid))) {
                    failures.add(file + ": the notes read back differ from the quantised notes");
                }
                notes.addAndGet(back.score().noteCount());
                back.score().tracks().stream().filter(t -> t.isDrum())
                        .forEach(t -> drumNotes.addAndGet(t.notes().size()));
            } catch (Exception | AssertionError e) {
                failures.add(file + ": " + e);
            }
        });
        System.out.printf("staccato round trip %s grid %d: %d files, %d notes (%d drum notes), %d failures%n",
                folder, grid, files.size(), notes.get(), drumNotes.get(), failures.size());
        assertEquals(List.of(), failures.stream().sorted().limit(10).toList(), failures.size() + " files failed");
        if (folder.contains("freedoom")) {
            assertTrue(drumNotes.get() > 1000, "percussion read back: " + drumNotes.get());
        }
    }
}
