package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;

class ConvertCommandTest {

    @TempDir
    Path dir;

    @Test
    void convertWritesAFileWithTheSameNotesAndSaysWhatItDid() throws Exception {
        Score score = SyntheticCorpus.generate(3, 1).get(0);
        Path in = dir.resolve("in.mid");
        Path out = dir.resolve("out.mid");
        MidiWriter.write(score, in, 480);

        Run run = Run.partita("convert", in.toString(), out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        Score written = MidiReader.strict().read(out).score();
        assertEquals(score.noteCount(), written.noteCount());
        assertEquals(480, written.ticksPerQuarter());
        assertTrue(run.out().contains("read  " + in + ": "), run.toString());
        assertTrue(run.out().contains(score.noteCount() + " notes"), run.toString());
        assertTrue(run.out().contains("wrote " + out + ": 480 ticks per quarter"), run.toString());
    }

    @Test
    void tpqOptionChangesTheResolution() throws Exception {
        Path in = dir.resolve("in.mid");
        Path out = dir.resolve("out.mid");
        MidiWriter.write(SyntheticCorpus.generate(3, 1).get(0), in, 480);

        Run run = Run.partita("convert", in.toString(), out.toString(), "--tpq", "960");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(960, MidiReader.strict().read(out).score().ticksPerQuarter());
    }

    @Test
    void withoutTpqTheFileIsNormalisedTo480TicksPerQuarter() throws Exception {
        Path in = dir.resolve("in96.mid");
        Path out = dir.resolve("out.mid");
        Score score = SyntheticCorpus.generate(4, 1).get(0).resampled(96);
        MidiWriter.write(score, in, 96);

        Run run = Run.partita("convert", in.toString(), out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        Score written = MidiReader.strict().read(out).score();
        assertEquals(score.resampled(480).tracks(), written.tracks());
    }

    @Test
    void keepTpqWritesAtTheInputResolution() throws Exception {
        Path in = dir.resolve("in96.mid");
        Path out = dir.resolve("out.mid");
        MidiWriter.write(SyntheticCorpus.generate(4, 1).get(0).resampled(96), in, 96);

        Run run = Run.partita("convert", in.toString(), out.toString(), "--keep-tpq");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(96, MidiReader.strict().read(out).score().ticksPerQuarter());
    }

    @Test
    void unreadableInputGivesExitCodeThreeAndWritesNothing() throws IOException {
        Path in = Files.write(dir.resolve("garbage.mid"), new byte[] {0, 1, 2, 3, 4});
        Path out = dir.resolve("out.mid");

        Run run = Run.partita("convert", in.toString(), out.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("convert: cannot read " + in + ": "), run.toString());
        assertFalse(Files.exists(out));
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void missingInputGivesExitCodeThree() {
        Run run = Run.partita("convert", dir.resolve("nope.mid").toString(), dir.resolve("out.mid").toString());

        assertEquals(3, run.exitCode(), run.toString());
    }

    @Test
    void outputInAMissingFolderIsBadUsageNamingTheOutputFileBeforeReading() throws Exception {
        Path in = dir.resolve("in.mid");
        MidiWriter.write(SyntheticCorpus.generate(3, 1).get(0), in, 480);
        Path missingFolder = dir.resolve("no-such-folder");

        Run run = Run.partita("convert", in.toString(), missingFolder.resolve("out.mid").toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("partita convert: OUT " + missingFolder.resolve("out.mid")
                + ": no such directory " + missingFolder), run.toString());
    }

    @Test
    void tpqOutOfRangeIsBadUsageNamingTheValue() {
        Run run = Run.partita("convert", "a.mid", "b.mid", "--tpq", "0");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--tpq must be in 1..32767, got 0"), run.toString());
    }

    @Test
    void missingOutputArgumentIsBadUsage() {
        Run run = Run.partita("convert", "a.mid");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("OUT"), run.toString());
    }
}
