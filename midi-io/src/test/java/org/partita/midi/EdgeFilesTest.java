package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code ../shared/data/edge} (parser conformance and malformed files, including the
 * non-MIDI README and licence files beside them) either reads or raises {@link MidiFormatException}
 * with an offset, each within a per-file time limit. Prints which did what.
 */
class EdgeFilesTest {

    private static final Duration PER_FILE_LIMIT = Duration.ofSeconds(5);

    /**
     * The .mid files a lenient reader must refuse, each for a reason no repair can fix. Recorded from
     * this reader on 2026-11-23; a change here is a behaviour change to review.
     */
    private static final Set<String> REFUSED_MIDI = Set.of(
            "test-empty-file.mid",          // 0 bytes
            "test-not-a-midi-file.mid",     // text, no MThd
            "negative-ticks-per-beat.mid",  // division 0xFFFF: SMPTE at 1 fps
            "zero-ticks-per-beat.mid",      // division 0
            "MIDIBadHeaderChunk.mid",       // 'MT0d' instead of 'MThd'
            "MIDIBadHeaderFormat.mid",      // format 3
            "MIDIBadHeaderSMTPE.mid");      // SMPTE at 16 fps

    @Test
    void everyEdgeFileReadsOrFailsWithAnOffsetWithinTheTimeLimit() {
        Path edge = SharedData.dir("edge");
        List<Path> files = SharedData.files(edge);
        assertTrue(files.size() >= 133, "expected the 133 edge MIDI files and their notes, found " + files.size());
        MidiReader reader = MidiReader.lenient();
        Set<String> refusedMidi = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        int read = 0;
        for (Path file : files) {
            String outcome = assertTimeoutPreemptively(PER_FILE_LIMIT, () -> {
                try {
                    ReadResult r = reader.read(file);
                    return "read    " + r.score().tracks().size() + " tracks, " + r.score().noteCount() + " notes, repairs "
                            + r.report().repairCounts();
                } catch (MidiFormatException e) {
                    assertTrue(e.byteOffset() >= 0, "refusal without an offset: " + e.getMessage());
                    assertFalse(e.getMessage().contains("internal reader error"), e.getMessage());
                    assertEquals(file.toString(), e.source());
                    return "refused " + e.getMessage();
                }
            }, () -> "reading took longer than " + PER_FILE_LIMIT + ": " + file);
            boolean isMidi = file.getFileName().toString().endsWith(".mid");
            if (outcome.startsWith("refused") && isMidi) {
                refusedMidi.add(file.getFileName().toString());
            }
            if (outcome.startsWith("read")) {
                read++;
                assertTrue(isMidi, "a non-MIDI file was read as MIDI: " + file);
            }
            lines.add(edge.relativize(file) + ": " + outcome);
        }
        System.out.println("Edge files (" + files.size() + "; " + read + " read):");
        lines.forEach(l -> System.out.println("  " + l));
        assertEquals(new TreeSet<>(REFUSED_MIDI), refusedMidi);
    }
}
