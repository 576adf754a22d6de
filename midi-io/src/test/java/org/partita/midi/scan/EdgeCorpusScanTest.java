package org.partita.midi.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scans the real parser-conformance files in {@code ../shared/data/edge} when they are present. */
class EdgeCorpusScanTest {

    @Test
    void everyEdgeFileIsEitherSummarisedOrReportedAndNoneBreaksTheScan() throws Exception {
        Path edge = org.partita.midi.SharedData.dir("edge");

        ScanReport report = new CorpusScanner(ScanOptions.defaults()).scan(List.of(edge));

        long midiFiles;
        try (Stream<Path> walk = Files.walk(edge)) {
            midiFiles = walk.filter(Files::isRegularFile).filter(MidiFiles::hasMidiExtension).count();
        }
        assertEquals(midiFiles, report.totals().files());
        for (FileFailure f : report.failures()) {
            assertFalse(f.reason().startsWith("unexpected error"), f.path() + ": " + f.reason());
        }
    }
}
