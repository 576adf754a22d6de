package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed seed corpus of {@link MidiReaderFuzzTest} is exactly what {@link FuzzSeeds} writes. */
class FuzzSeedsTest {

    @Test
    void committedSeedsAreTheGeneratedOnesInEveryFuzzMethodDirectory() throws IOException {
        for (String method : FuzzSeeds.FUZZ_METHODS) {
            for (Map.Entry<String, byte[]> e : FuzzSeeds.all().entrySet()) {
                String resource = "/" + FuzzSeeds.INPUTS_DIR + "/" + method + "/" + FuzzSeeds.PREFIX + e.getKey();
                try (InputStream in = FuzzSeedsTest.class.getResourceAsStream(resource)) {
                    assertNotNull(in, () -> resource + " missing: run FuzzSeeds (see its javadoc)");
                    assertArrayEquals(e.getValue(), in.readAllBytes(), () -> resource + " differs from FuzzSeeds");
                }
            }
        }
    }

    @Test
    void wellFormedSeedsReadStrictlyAndBrokenOnesNeedTheLenientReader() throws Exception {
        Map<String, byte[]> seeds = FuzzSeeds.all();
        for (String valid : new String[] {"format0-running-status", "format1-conductor-and-two-parts",
                "format2-two-sequences", "smpte-25fps-40-ticks", "smpte-2997-drop-frame", "riff-rmid",
                "text-sysex-and-aftertouch", "unknown-chunk", "max-delta-and-tempo", "header-only"}) {
            MidiReader.strict().read(seeds.get(valid), valid);
        }
        for (String broken : new String[] {"missing-end-of-track", "truncated-in-event", "chunk-length-past-end",
                "chunk-length-covering-next-mtrk", "garbage-between-and-after-chunks", "header-length-8",
                "repairs-in-events", "vlq-five-bytes"}) {
            assertThrows(MidiFormatException.class, () -> MidiReader.strict().read(seeds.get(broken), broken), broken);
            MidiReader.lenient().read(seeds.get(broken), broken);
        }
        assertThrows(MidiFormatException.class, () -> MidiReader.lenient().read(seeds.get("truncated-header"), "t"));
        assertEquals(4, MidiReader.strict().read(seeds.get("format1-conductor-and-two-parts"), "f1").score().noteCount());
    }
}
