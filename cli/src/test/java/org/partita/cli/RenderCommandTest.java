package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;

class RenderCommandTest {

    @TempDir
    Path dir;

    Path twoBars() throws Exception {
        Score s = SyntheticCorpus.generate(1, 1).get(0);
        Path mid = dir.resolve("two-bars.mid");
        MidiWriter.write(s.clipped(0, s.timeGrid().barStartTick(2)), mid, 480);
        return mid;
    }

    @Test
    void writesAWavFileAsLongAsThePieceAndItsTail() throws Exception {
        Path mid = twoBars();
        Path wav = dir.resolve("two-bars.wav");

        Run run = Run.partita("render", mid.toString(), wav.toString(), "--tail", "1");

        assertEquals(0, run.exitCode(), run.toString());
        AudioFileFormat f = AudioSystem.getAudioFileFormat(wav.toFile());
        assertEquals(44_100f, f.getFormat().getSampleRate());
        assertEquals(2, f.getFormat().getChannels());
        assertTrue(run.out().startsWith("read  " + mid + ": 4 tracks, "), run.toString());
        assertTrue(run.out().contains("wrote " + wav + ": 44100 Hz, 16-bit stereo, "), run.toString());
        assertTrue(run.out().contains("(1.0 s of tail), built-in GM bank"), run.toString());
    }

    @Test
    void aFileThatIsNotMidiIsABadInput() throws Exception {
        Path notMidi = Files.writeString(dir.resolve("x.mid"), "hello");

        Run run = Run.partita("render", notMidi.toString(), dir.resolve("x.wav").toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("render: cannot read " + notMidi + ": at byte 0: "), run.toString());
        assertTrue(!Files.exists(dir.resolve("x.wav")));
    }

    @Test
    void aMissingSoundfontIsABadInput() throws Exception {
        Path sf2 = dir.resolve("missing.sf2");

        Run run = Run.partita("render", twoBars().toString(), dir.resolve("x.wav").toString(), "--soundfont", sf2.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("render: soundfont " + sf2 + ": no such file"), run.toString());
    }

    @Test
    void aNegativeTailIsBadUsageNamingTheOption() {
        Run run = Run.partita("render", "a.mid", "b.wav", "--tail", "-2");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--tail must be in 0..30, got -2.0"), run.toString());
    }
}
