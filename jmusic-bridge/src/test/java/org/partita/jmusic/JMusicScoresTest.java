package org.partita.jmusic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import jm.music.data.Note;
import jm.music.data.Part;
import jm.music.data.Phrase;
import jm.music.data.Rest;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticConfig;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.symbolic.Track;

class JMusicScoresTest {

    /** A sounding jMusic note, as a listener hears it: part, channel, instrument, onset and length in beats. */
    record Heard(int part, int channel, int instrument, double startBeat, double durationBeats, int pitch, int dynamic) {
    }

    static List<Heard> heard(jm.music.data.Score score) {
        List<Heard> out = new ArrayList<>();
        Part[] parts = score.getPartArray();
        for (int p = 0; p < parts.length; p++) {
            for (Phrase phrase : parts[p].getPhraseArray()) {
                double beat = phrase.getStartTime();
                for (Note n : phrase.getNoteArray()) {
                    if (!n.isRest()) {
                        // rounded to 1e-9 beats: the two sides add rhythm values in different orders
                        out.add(new Heard(p, parts[p].getChannel(), parts[p].getInstrument(),
                                Math.round((beat + n.getOffset()) * 1e9) / 1e9, Math.round(n.getDuration() * 1e9) / 1e9,
                                n.getPitch(), n.getDynamic()));
                    }
                    beat += n.getRhythmValue();
                }
            }
        }
        out.sort((a, b) -> a.part != b.part ? Integer.compare(a.part, b.part)
                : a.startBeat != b.startBeat ? Double.compare(a.startBeat, b.startBeat) : Integer.compare(a.pitch, b.pitch));
        return out;
    }

    /** A classroom-style score: a flute melody with rests, dots and triplets, a piano part in two phrases, drums. */
    static jm.music.data.Score classroomScore() {
        Phrase melody = new Phrase(0.0);
        melody.addNoteList(new int[] {60, 62, 64, 65}, new double[] {1.0, 0.5, 0.5, 2.0});
        melody.addNote(new Rest(1.0));
        melody.addNote(new Note(67, 1.5, 100));
        melody.addNote(new Note(69, 0.5, 90));
        for (int pitch : new int[] {71, 72, 74}) {
            melody.addNote(new Note(pitch, 1.0 / 3, 70));
        }
        Part flute = new Part("Flute", 73, 0);
        flute.addPhrase(melody);

        Part piano = new Part("Piano", 0, 1);
        Phrase low = new Phrase(0.0);
        low.addNoteList(new int[] {48, 43, 48}, new double[] {2.0, 2.0, 4.0});
        Phrase high = new Phrase(4.0);
        high.addNoteList(new int[] {64, 67}, new double[] {2.0, 2.0});
        piano.addPhrase(low);
        piano.addPhrase(high);

        Part drums = new Part("Drums", 0, 9);
        Phrase beat = new Phrase(0.0);
        beat.addNoteList(new int[] {36, 42, 38, 42, 36, 42, 38, 42}, new double[] {1, 1, 1, 1, 1, 1, 1, 1});
        drums.addPhrase(beat);

        jm.music.data.Score score = new jm.music.data.Score("Classroom", 100);
        score.addPart(flute);
        score.addPart(piano);
        score.addPart(drums);
        score.setTimeSignature(3, 4);
        score.setKeySignature(-1);
        return score;
    }

    @Test
    void aJMusicScoreBuiltInCodeRoundTripsNoteForNote() {
        jm.music.data.Score original = classroomScore();
        Converted<Score> partita = JMusicScores.toPartita(original, 480);
        assertEquals(List.of(), partita.lost());
        Converted<jm.music.data.Score> back = JMusicScores.toJMusic(partita.score());
        assertEquals(List.of(), back.lost());

        assertEquals(heard(original), heard(back.score()));
        assertEquals(22, heard(original).size());
        assertEquals(100.0, back.score().getTempo(), 1e-6);
        assertEquals(3, back.score().getNumerator());
        assertEquals(4, back.score().getDenominator());
        assertEquals(-1, back.score().getKeySignature());
        assertEquals(List.of("Flute", "Piano", "Drums"),
                List.of(back.score().getPart(0).getTitle(), back.score().getPart(1).getTitle(), back.score().getPart(2).getTitle()));
    }

    @Test
    void partsBecomeTracksWithProgramsDrumsRestsAndTempo() {
        Score score = JMusicScores.toPartita(classroomScore(), 480).score();
        Track flute = score.tracks().get(0);
        assertEquals(73, flute.program());
        // after a one-beat rest, G4 at beat 5 for jMusic's default 90 % of its 1.5 beats
        assertEquals(new org.partita.symbolic.Note(5 * 480, 648, 67, 100), flute.notes().get(4));
        assertEquals(new org.partita.symbolic.Note(3680, 144, 74, 70), flute.notes().get(8), "the third triplet eighth");
        assertTrue(score.tracks().get(2).isDrum());
        assertEquals(100.0, score.tempos().get(0).bpm(), 0.01);
        assertEquals(3, score.timeSignatures().get(0).numerator());
        assertEquals(-1, score.keySignatures().get(0).sharps());
    }

    @Test
    void partitaScoresSurviveJMusicExceptWhatItCannotHoldWhichIsListed() {
        List<Score> pieces = SyntheticCorpus.generate(SyntheticConfig.defaults().withSeed(3), 8);
        int withLosses = 0;
        for (Score piece : pieces) {
            Converted<jm.music.data.Score> jm = JMusicScores.toJMusic(piece);
            Score back = JMusicScores.toPartita(jm.score(), piece.ticksPerQuarter()).score();
            for (int t = 0; t < piece.tracks().size(); t++) {
                assertEquals(piece.tracks().get(t).notes(), back.tracks().get(t).notes(), "track " + t);
                assertEquals(piece.tracks().get(t).program(), back.tracks().get(t).program());
                assertEquals(piece.tracks().get(t).isDrum(), back.tracks().get(t).isDrum());
            }
            assertEquals(piece.tempos().get(0).bpm(), back.tempos().get(0).bpm(), 0.01);
            if (piece.tempos().size() > 1) {
                withLosses++;
                assertTrue(jm.lost().get(0).startsWith((piece.tempos().size() - 1) + " tempo changes after the first"),
                        jm.lost().toString());
            }
        }
        assertTrue(withLosses > 0, "some synthetic pieces change tempo");
    }

    @Test
    void dynamicsOutsideMidiAreClampedAndSaidSo() {
        Phrase phrase = new Phrase(0.0);
        phrase.addNote(new Note(60, 1.0, 0));
        jm.music.data.Score jm = new jm.music.data.Score(new Part(phrase));
        Converted<Score> c = JMusicScores.toPartita(jm, 480);
        assertEquals(1, c.score().tracks().get(0).notes().get(0).velocity());
        assertEquals(List.of("1 notes with a dynamic outside 1..127 were given the nearest velocity"), c.lost());
    }
}
