package org.partita.symbolic.staccato;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.symbolic.Track;
import org.partita.symbolic.staccato.JFugueOracle.JNote;

/**
 * The same Staccato strings read by Partita and by JFugue 4.0.3 (Debian's libjfugue-java): the same pitches on the
 * same channels in the same order, with onsets and durations that agree once scaled by JFugue's quarter note
 * (JFugue 4.0.3 truncates every duration to whole ticks of a 30-tick quarter, so each earlier note in a channel
 * may leave an onset up to one of its ticks early). Only what both read alike is compared: JFugue 4 lacks TIME:,
 * KEY:Cmaj (it writes KCmaj), quantities (w2), bare MIDI numbers and aug7, and reads an explicit tuplet ratio
 * the other way round (i*3:2 as 3/2 of an eighth, where JFugue 5 and Partita make it 2/3; docs/staccato.md).
 */
class StaccatoJFugueOracleTest {

    private static JFugueOracle jfugue;
    private static long ourTicksPerJFugueTick;

    @BeforeAll
    static void load() throws Exception {
        jfugue = JFugueOracle.loadOrSkip();
        long quarter = jfugue.render("C5q").get(0).offTick();
        ourTicksPerJFugueTick = StaccatoReader.DEFAULT_TICKS_PER_QUARTER / quarter;
        assertEquals(StaccatoReader.DEFAULT_TICKS_PER_QUARTER, quarter * ourTicksPerJFugueTick,
                "JFugue's quarter note is " + quarter + " ticks");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "T120 V0 I[Piano] C5q E5q G5h | V9 [Bass_Drum]q Rq [Acoustic_Snare]q Rq",
            "C5w D5h E5q F5i G5s A5t B5x", "C5q. D5i E5h. F5q", "C5qis D5q", "C5wwq D5q", "Rq. C5q Rh D5i",
            "C5q* D5q* E5q* F5q", "C5i* D5i* E5i* F5q", "C5hi* D5q",
            "C5/0.25 D5/0.125 E5/0.375 F5q",
            "C#5q Db5q Bb4q Cn5q Ebb5q B#4q", "c5q e5Q", "[60]q [72]h",
            "C4majq", "Cmajq", "Cmaj^q", "C5maj^^q", "Dmin7q", "G4dom7q", "G7q", "C5maj7q D5min6q E5dim7q F5augq",
            "Bb4sus4q Bb4sus2q C5add9q", "A4minw",
            "C5q+E5q+G5q D5q", "C5h+E5q_G5q C6q", "C5q+E5h D5q",
            "C5q- C5-q", "C5h- D5q C5-q", "C5q- C5-q- C5-h E5q",
            "C5qa80d64 D5qa120 E5q",
            "V9 [Bass_Drum]q [BASS_DRUM]q [Acoustic_Snare]q [closed_hi_hat]q [Ride_Cymbal_1]q [OPEN_TRIANGLE]q",
            "V9 [LOW_TOM]q [Low_Wood_Block]q [HIGH_AGOGO]q",
            "L0 C5h L1 E5q G5q", "V1 C5q V0 D5q V1 E5q", "V0 I[Flute] C5q V1 I[Acoustic_Bass] C3h V0 D5q",
            "T[Allegro] C5q T60 D5q", "C5q | D5q E5q | F5h"})
    void partitaAndJFugueReadTheSameNotes(String staccato) throws Exception {
        assertSameNotes(staccato, jfugue.render(staccato), StaccatoReader.defaults().read(staccato).score());
    }

    /** Writer output is JFugue-readable: on a grid of eighths JFugue 4's ticks are exact, so all must agree. */
    @Test
    void writtenSyntheticPiecesReadTheSameInJFugue() throws Exception {
        List<Score> pieces = SyntheticCorpus.generate(5, 6);
        int notes = 0;
        for (Score piece : pieces) {
            String text = StaccatoWriter.ofGrid(8).write(piece);
            String withoutHeader = text.substring(text.indexOf('\n') + 1); // TIME:/KEY: are JFugue 5 syntax
            Score ours = StaccatoReader.defaults().read(withoutHeader).score();
            List<JNote> theirs = jfugue.render(withoutHeader.replace('\n', ' '));
            assertSameNotes(withoutHeader, theirs, ours);
            for (int i = 0; i < theirs.size(); i++) {
                JNote j = theirs.get(i);
                Played p = played(ours).get(i);
                assertEquals(p.note.startTick(), j.onTick() * ourTicksPerJFugueTick, "exact onset of note " + i);
            }
            notes += theirs.size();
        }
        assertTrue(notes > 500, "notes compared: " + notes);
    }

    private record Played(int channel, Note note) {
    }

    private static List<Played> played(Score score) {
        List<Played> out = new ArrayList<>();
        for (Track t : score.tracks()) {
            int channel = Integer.parseInt(t.name().substring(1, t.name().indexOf(' ')));
            t.notes().forEach(n -> out.add(new Played(channel, n)));
        }
        out.sort((a, b) -> a.channel != b.channel ? Integer.compare(a.channel, b.channel)
                : a.note.startTick() != b.note.startTick() ? Long.compare(a.note.startTick(), b.note.startTick())
                : a.note.pitch() != b.note.pitch() ? Integer.compare(a.note.pitch(), b.note.pitch())
                : Integer.compare(a.note.velocity(), b.note.velocity()));
        return out;
    }

    private static void assertSameNotes(String staccato, List<JNote> theirs, Score score) {
        List<Played> ours = played(score);
        assertEquals(theirs.stream().map(j -> j.channel() + ":" + j.pitch()).toList(),
                ours.stream().map(p -> p.channel + ":" + p.note.pitch()).toList(), "channels and pitches in order: " + staccato);
        int before = 0;
        for (int i = 0; i < theirs.size(); i++) {
            JNote j = theirs.get(i);
            Note n = ours.get(i).note;
            before = i > 0 && theirs.get(i - 1).channel() == j.channel() ? before + 1 : 0;
            double onset = (double) n.startTick() / ourTicksPerJFugueTick;
            double length = (double) n.durationTicks() / ourTicksPerJFugueTick;
            String where = staccato + ", note " + i + " (" + j + " vs " + n + ")";
            assertTrue(j.onTick() <= onset + 1e-9 && onset - j.onTick() < before + 1, "onset: " + where);
            assertTrue(Math.abs((j.offTick() - j.onTick()) - length) < before + 2, "duration: " + where);
            assertEquals(j.velocity(), n.velocity(), "velocity: " + where);
        }
    }
}
