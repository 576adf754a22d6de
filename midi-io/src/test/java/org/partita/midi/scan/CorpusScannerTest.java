package org.partita.midi.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.midi.MidiFormatException;
import org.partita.midi.ReadOptions;
import org.partita.midi.Repair;

class CorpusScannerTest {

    @TempDir
    Path dir;

    @Test
    void goodFileIsSummarisedAndGarbageFileIsReportedWithoutStoppingTheScan() throws Exception {
        Path bad = write("a-bad.mid", TestMidi.garbage());
        Path good = write("b-good.mid", TestMidi.oneNote());

        ScanReport report = new CorpusScanner(ScanOptions.defaults()).scan(List.of(dir));

        assertEquals(List.of(bad, good), report.outcomes().stream().map(FileOutcome::path).toList());
        FileFailure failure = assertInstanceOf(FileFailure.class, report.outcomes().get(0));
        assertFalse(failure.reason().isBlank());
        FileSummary summary = assertInstanceOf(FileSummary.class, report.outcomes().get(1));
        assertEquals(0, summary.format());
        assertEquals(96, summary.ticksPerQuarter());
        assertEquals(1, summary.notes());
        assertEquals(List.of(0), summary.programs());
        assertFalse(summary.hasDrums());
        assertEquals(0.5, summary.durationSeconds(), 1e-9);
        assertEquals(1, summary.tempoChanges());
        assertEquals(0, summary.repairs());
        assertEquals(new ScanTotals(2, 1, 1, summary.tracks(), 1, 0.5, 0, 0, java.util.Map.of()),
                report.totals());
        assertTrue(report.hasFailures());
    }

    @Test
    void lenientScanCountsRepairsAndStrictScanRefusesTheSameFile() throws Exception {
        Path file = write("no-eot.mid", TestMidi.oneNoteWithoutEndOfTrack());

        ScanReport lenient = new CorpusScanner(ScanOptions.defaults()).scan(List.of(file));
        ScanReport strict = new CorpusScanner(ScanOptions.defaults().withStrict(true)).scan(List.of(file));

        FileSummary summary = assertInstanceOf(FileSummary.class, lenient.outcomes().get(0));
        assertEquals(1, summary.repairKinds().get(Repair.Kind.MISSING_END_OF_TRACK));
        assertEquals(1, lenient.totals().filesWithRepairs());
        assertEquals(1L, lenient.totals().repairKinds().get(Repair.Kind.MISSING_END_OF_TRACK));
        assertInstanceOf(FileFailure.class, strict.outcomes().get(0));
    }

    @Test
    void runtimeExceptionFromTheReaderBecomesThatFilesFailure() throws Exception {
        Path a = write("a.mid", TestMidi.oneNote());
        Path b = write("b.mid", TestMidi.oneNote());
        CorpusScanner.PathReader failing = path -> {
            if (path.equals(a)) {
                throw new IllegalStateException("reader bug");
            }
            throw new MidiFormatException(path.toString(), 14, "some rule");
        };

        ScanReport report = new CorpusScanner(ScanOptions.defaults(), failing).scan(List.of(dir));

        assertEquals(2, report.totals().failed());
        FileFailure first = report.failures().get(0);
        assertEquals(a, first.path());
        assertEquals(-1, first.byteOffset());
        assertTrue(first.reason().contains("IllegalStateException: reader bug"), first.reason());
        assertEquals(new FileFailure(b, 14, "some rule"), report.failures().get(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void outcomesKeepFindOrderWhateverTheThreadCount(int threads) throws Exception {
        List<Path> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(write(String.format("f%02d.mid", i), TestMidi.garbage()));
        }
        Random random = new Random(threads);
        List<Integer> sleeps = Collections.synchronizedList(new ArrayList<>());
        CorpusScanner.PathReader slowFailing = path -> {
            try {
                Thread.sleep(random.nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleeps.add(1);
            throw new MidiFormatException(path.toString(), -1, path.getFileName().toString());
        };

        ScanReport report = new CorpusScanner(ScanOptions.defaults().withThreads(threads), slowFailing)
                .scan(List.of(dir));

        assertEquals(expected, report.outcomes().stream().map(FileOutcome::path).toList());
        assertEquals(expected.stream().map(p -> p.getFileName().toString()).toList(),
                report.failures().stream().map(FileFailure::reason).toList());
        assertEquals(40, sleeps.size());
    }

    @Test
    void progressIsToldTheTotalThenEachFileOnceWithAGrowingCount() throws Exception {
        for (int i = 0; i < 10; i++) {
            write("f" + i + ".mid", TestMidi.garbage());
        }
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        ScanProgress progress = new ScanProgress() {
            @Override
            public void started(int totalFiles) {
                calls.add("start " + totalFiles);
            }

            @Override
            public void fileDone(int doneFiles, int totalFiles, Path file, boolean ok) {
                calls.add(doneFiles + "/" + totalFiles + " " + ok);
            }
        };

        new CorpusScanner(ScanOptions.defaults().withThreads(3)).scan(List.of(dir), progress);

        List<String> expected = new ArrayList<>(List.of("start 10"));
        for (int i = 1; i <= 10; i++) {
            expected.add(i + "/10 false");
        }
        assertEquals(expected, calls);
    }

    @Test
    void missingPathIsCountedAsFailedAndDoesNotStopTheOthers() throws Exception {
        Path missing = dir.resolve("missing");
        Path bad = write("bad.mid", TestMidi.garbage());

        ScanReport report = new CorpusScanner(ScanOptions.defaults()).scan(List.of(missing, bad));

        assertEquals(List.of(missing, bad), report.failures().stream().map(FileFailure::path).toList());
        assertEquals("no such file or directory", report.failures().get(0).reason());
        assertEquals(2, report.totals().files());
    }

    @Test
    void emptyDirectoryGivesEmptyReport() throws Exception {
        ScanReport report = new CorpusScanner(ScanOptions.defaults()).scan(List.of(dir));

        assertEquals(List.of(), report.outcomes());
        assertEquals(0, report.totals().files());
        assertFalse(report.hasFailures());
    }

    @Test
    void optionsRejectZeroThreadsNamingTheValue() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ScanOptions(ReadOptions.defaults(), 0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
