package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

class TokensCommandTest {

    @TempDir
    Path dir;

    @Test
    void pitchTokensShowNoteNamesBarsAndBeatsCountedFromOne() throws Exception {
        // 3/4: C4 on beat 1 of bar 1, F#3 halfway through beat 2 of bar 2
        Score score = Score.empty(480).withTracks(List.of(Track.of("piano", 0, false,
                List.of(new Note(0, 480, 60, 80), new Note(3 * 480 + 720, 240, 54, 80)))))
                .withTimeSignatures(List.of(new TimeSignature(0, 3, 4)));
        Path file = dir.resolve("two-notes.mid");
        MidiWriter.write(score, file, 480);

        Run run = Run.partita("tokens", file.toString());

        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains("count from 1"), run.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+\\d+  bar 1 beat 1\\.00  Pitch_60\\s+C4\\s+\\(note 1\\)")),
                run.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+\\d+  bar 2 beat 2\\.50  Pitch_54\\s+F#3\\s+\\(note 2\\)")),
                run.toString());
    }

    @Test
    void limitPrintsOnlyTheFirstTokens() throws Exception {
        Path in = TokenizeCommandTest.writePieces(dir.resolve("in"), 1);

        Run run = Run.partita("tokens", in.resolve("a0.mid").toString(), "--limit", "5", "--tokenizer", "TSD");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(6, run.out().lines().count(), run.toString());
        assertTrue(run.out().contains("with TSD") && run.out().contains("first 5 shown"), run.toString());
    }

    @Test
    void unreadableFileExitsThree() throws Exception {
        Path bad = Files.write(dir.resolve("bad.mid"), new byte[] {1, 2, 3});

        Run run = Run.partita("tokens", bad.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.mid"), run.toString());
    }
}
