package org.partita.jmusic;

import java.util.ArrayList;
import java.util.List;
import jm.music.data.Note;
import jm.music.data.Part;
import jm.music.data.Phrase;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * Converts between jMusic scores and Partita scores in memory.
 *
 * <p>jMusic to Partita: each {@code Part} becomes a {@link Track} (title, instrument as program, channel 9 as the
 * drum flag); each {@code Phrase} is laid from its start time, note after note by rhythm value, each sounding
 * note starting at its offset and lasting its duration, rests leaving gaps; the dynamic is the velocity. The
 * score's tempo, meter and key become the tempo, time signature and key signature at tick 0. Times are in beats
 * (quarter notes) in jMusic and rounded to the nearest tick here.
 *
 * <p>Partita to jMusic: each track becomes a {@code Part} (drums on channel 9, melodic tracks on the other
 * channels in order); its notes are split into phrases that do not overlap (first fit in time order, so a melody
 * is one phrase and a chord opens as many phrases as it has notes), with rests for the gaps. jMusic holds one tempo,
 * meter and key per score: later changes are listed in {@link Converted#lost()}.
 *
 * <p>Stateless; jMusic objects are mutable, so do not share them between threads while converting.
 */
public final class JMusicScores {

    private static final int DRUM_CHANNEL = 9;

    private JMusicScores() {
    }

    /** A jMusic score as a Partita score at {@code ticksPerQuarter}. */
    public static Converted<Score> toPartita(jm.music.data.Score jm, int ticksPerQuarter) {
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + ticksPerQuarter);
        }
        List<String> lost = new ArrayList<>();
        int clamped = 0;
        int frequencyNotes = 0;
        int phraseTempos = 0;
        List<Track> tracks = new ArrayList<>();
        Part[] parts = jm.getPartArray();
        for (int p = 0; p < parts.length; p++) {
            Part part = parts[p];
            List<org.partita.symbolic.Note> notes = new ArrayList<>();
            for (Phrase phrase : part.getPhraseArray()) {
                if (phrase.getTempo() > 0 && phrase.getTempo() != jm.getTempo()) {
                    phraseTempos++;
                }
                double beat = phrase.getStartTime();
                for (Note n : phrase.getNoteArray()) {
                    if (!n.isRest()) {
                        int pitch = n.getPitch();
                        if (pitch < 0 || pitch > 127) {
                            frequencyNotes++;
                        } else {
                            int velocity = n.getDynamic();
                            if (velocity < 1 || velocity > 127) {
                                clamped++;
                                velocity = Math.max(1, Math.min(127, velocity));
                            }
                            long start = Math.max(0, Math.round((beat + n.getOffset()) * ticksPerQuarter));
                            long duration = Math.max(0, Math.round(n.getDuration() * ticksPerQuarter));
                            notes.add(new org.partita.symbolic.Note(start, duration, pitch, velocity));
                        }
                    }
                    beat += n.getRhythmValue();
                }
            }
            int program = part.getInstrument();
            if (program < 0 || program > 127) {
                lost.add("part " + p + " ('" + part.getTitle() + "'): instrument " + program
                        + " is not a MIDI program, used 0");
                program = 0;
            }
            tracks.add(Track.of(part.getTitle() == null ? "Part " + p : part.getTitle(), program,
                    part.getChannel() == DRUM_CHANNEL, notes));
        }
        if (clamped > 0) {
            lost.add(clamped + " notes with a dynamic outside 1..127 were given the nearest velocity");
        }
        if (frequencyNotes > 0) {
            lost.add(frequencyNotes + " notes given as frequencies outside MIDI's 0..127 were left out");
        }
        if (phraseTempos > 0) {
            lost.add(phraseTempos + " phrases with their own tempo were laid at the score's tempo");
        }
        List<TempoChange> tempos = jm.getTempo() > 0 ? List.of(TempoChange.ofBpm(0, jm.getTempo())) : List.of();
        List<TimeSignature> meters = List.of();
        if (jm.getNumerator() >= 1 && jm.getDenominator() >= 1 && Integer.bitCount(jm.getDenominator()) == 1) {
            meters = List.of(new TimeSignature(0, jm.getNumerator(), jm.getDenominator()));
        }
        List<KeySignature> keys = jm.getKeySignature() >= -7 && jm.getKeySignature() <= 7
                ? List.of(new KeySignature(0, jm.getKeySignature(), jm.getKeyQuality() == 1)) : List.of();
        return new Converted<>(new Score(ticksPerQuarter, tracks, tempos, meters, keys, List.of()), lost);
    }

    /** A Partita score as a jMusic score (tempo 120 when the score states none, as in MIDI). */
    public static Converted<jm.music.data.Score> toJMusic(Score score) {
        List<String> lost = new ArrayList<>();
        double tpq = score.ticksPerQuarter();
        double bpm = score.tempos().isEmpty() ? 120.0 : score.tempos().get(0).bpm();
        jm.music.data.Score jm = new jm.music.data.Score("Partita score", bpm);
        if (score.tempos().size() > 1) {
            lost.add((score.tempos().size() - 1) + " tempo changes after the first (jMusic keeps one tempo per score)");
        }
        if (!score.timeSignatures().isEmpty()) {
            jm.setTimeSignature(score.timeSignatures().get(0).numerator(), score.timeSignatures().get(0).denominator());
            if (score.timeSignatures().size() > 1) {
                lost.add((score.timeSignatures().size() - 1) + " meter changes after the first (jMusic keeps one)");
            }
        }
        if (!score.keySignatures().isEmpty()) {
            jm.setKeySignature(score.keySignatures().get(0).sharps());
            jm.setKeyQuality(score.keySignatures().get(0).minor() ? 1 : 0);
            if (score.keySignatures().size() > 1) {
                lost.add((score.keySignatures().size() - 1) + " key changes after the first (jMusic keeps one)");
            }
        }
        int controls = 0;
        int channel = 0;
        for (Track t : score.tracks()) {
            int ch = DRUM_CHANNEL;
            if (!t.isDrum()) {
                ch = channel % 15 < DRUM_CHANNEL ? channel % 15 : channel % 15 + 1;
                channel++;
            }
            Part part = new Part(t.name(), t.program(), ch);
            for (List<org.partita.symbolic.Note> line : monophonicLines(t.notes())) {
                Phrase phrase = new Phrase(line.get(0).startTick() / tpq);
                long cursor = line.get(0).startTick();
                for (org.partita.symbolic.Note n : line) {
                    if (n.startTick() > cursor) {
                        phrase.addNote(new jm.music.data.Rest((n.startTick() - cursor) / tpq));
                    }
                    double beats = n.durationTicks() / tpq;
                    Note note = new Note(n.pitch(), beats, n.velocity());
                    note.setDuration(beats);
                    phrase.addNote(note);
                    cursor = n.endTick();
                }
                part.addPhrase(phrase);
            }
            jm.addPart(part);
            controls += t.controls().size() + t.pitchBends().size();
        }
        if (controls > 0) {
            lost.add(controls + " control changes and pitch bends (the bridge carries notes only)");
        }
        return new Converted<>(jm, lost);
    }

    /** Notes split into lines that never overlap: each note goes to the first line that has ended by its start. */
    private static List<List<org.partita.symbolic.Note>> monophonicLines(List<org.partita.symbolic.Note> notes) {
        List<List<org.partita.symbolic.Note>> lines = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        for (org.partita.symbolic.Note n : notes) { // notes are in start order
            int l = 0;
            while (l < lines.size() && ends.get(l) > n.startTick()) {
                l++;
            }
            if (l == lines.size()) {
                lines.add(new ArrayList<>());
                ends.add(0L);
            }
            lines.get(l).add(n);
            ends.set(l, n.endTick());
        }
        return lines;
    }
}
