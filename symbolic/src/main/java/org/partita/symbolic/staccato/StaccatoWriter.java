package org.partita.symbolic.staccato;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * Writes a {@link Score} as Staccato on a grid of {@code stepsPerWhole} steps per whole note: every note's onset
 * and end rounded to the grid ({@link GridNote#quantise}), one line per voice. Reading the text back with
 * {@link StaccatoReader} gives the same {@link GridNote}s per voice (tested on the synthetic and real corpora).
 *
 * <p>Layout: a first line with the tempo, meter and key at the start ({@code T120 TIME:4/4 KEY:Cmaj}); then one
 * line per voice, {@code V0}-{@code V15} with drums on {@code V9} (all drum tracks merged there), each starting with
 * its instrument ({@code I[Piano]}). Melodic tracks take the voices in order; with more than 15, tracks sharing a
 * program share a voice. Inside a voice, notes with the same onset and length become a {@code +} chord; chords that
 * overlap go to separate layers ({@code L0}, {@code L1}, ...; at most 16). Gaps are rests; a bar line {@code |}
 * follows every element that ends on a bar boundary. Later tempo, meter and key changes go on a last line of rests
 * in an otherwise unused layer. Tempos are rounded to whole beats per minute, as Staccato writes them, and kept
 * in the 4..960 the reader accepts.
 * Lengths are letters where exact, with a triplet mark where that is exact, else numbers ({@code /0.2}).
 * Immutable and thread-safe.
 */
public final class StaccatoWriter {

    /** Sixteenth notes. */
    public static final int DEFAULT_STEPS_PER_WHOLE = 16;

    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final int MAX_LAYERS = 16;

    private final int stepsPerWhole;

    private StaccatoWriter(int stepsPerWhole) {
        if (stepsPerWhole < 1 || stepsPerWhole > 1920) {
            throw new IllegalArgumentException("stepsPerWhole must be in 1..1920, got " + stepsPerWhole);
        }
        this.stepsPerWhole = stepsPerWhole;
    }

    /** A writer on a grid of {@code stepsPerWhole} steps per whole note (16 = sixteenths, 12 = eighth triplets). */
    public static StaccatoWriter ofGrid(int stepsPerWhole) {
        return new StaccatoWriter(stepsPerWhole);
    }

    public int stepsPerWhole() {
        return stepsPerWhole;
    }

    /**
     * The score as Staccato text (lines end with {@code \n}).
     *
     * @throws IllegalArgumentException if the score needs more than 15 melodic voices with different programs
     *     or more than 16 layers in a voice (the message names the track and where)
     */
    public String write(Score score) {
        int tpq = score.ticksPerQuarter();
        boolean keyed = score.keySignatures().stream().anyMatch(k -> k.sharps() != 0);
        BarGrid bars = BarGrid.of(score.timeSignatures().stream().map(t -> new BarGrid.Meter(
                at(GridNote.step(t.tick(), tpq, stepsPerWhole)), t.numerator(), t.denominator())).toList());
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        List<Conductor> later = new ArrayList<>();
        conductor(score, header, later);
        if (!header.isEmpty()) {
            out.append(String.join(" ", header)).append('\n');
        }
        boolean[][] usedLayers = new boolean[16][MAX_LAYERS];
        for (Map.Entry<Integer, Voice> e : voices(score).entrySet()) {
            int v = e.getKey();
            Voice voice = e.getValue();
            List<List<List<GridNote>>> layers = layers(voice, tpq);
            if (layers.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder("V").append(v);
            if (v != StaccatoReader.DRUM_VOICE) {
                line.append(" I[").append(StaccatoNames.instrumentName(voice.program)).append(']');
            } else if (voice.program != 0) {
                line.append(" I").append(voice.program);
            }
            for (int l = 0; l < layers.size(); l++) {
                usedLayers[v][l] = true;
                if (layers.size() > 1) {
                    line.append(" L").append(l);
                }
                layer(line, layers.get(l), v == StaccatoReader.DRUM_VOICE, keyed, bars);
            }
            out.append(line).append('\n');
        }
        if (!later.isEmpty()) {
            out.append(conductorLine(later, usedLayers)).append('\n');
        }
        return out.toString();
    }

    private void conductor(Score score, List<String> header, List<Conductor> later) {
        int tpq = score.ticksPerQuarter();
        for (TempoChange t : score.tempos()) {
            add(GridNote.step(t.tick(), tpq, stepsPerWhole), "T" + Math.min(960, Math.max(4, Math.round(t.bpm()))), header, later);
        }
        for (TimeSignature t : score.timeSignatures()) {
            add(GridNote.step(t.tick(), tpq, stepsPerWhole), "TIME:" + t.numerator() + "/" + t.denominator(), header,
                    later);
        }
        for (KeySignature k : score.keySignatures()) {
            add(GridNote.step(k.tick(), tpq, stepsPerWhole), "KEY:" + Keys.format(k), header, later);
        }
        later.sort(java.util.Comparator.comparingLong(Conductor::step));
    }

    private static void add(long step, String token, List<String> header, List<Conductor> later) {
        if (step == 0) {
            header.add(token);
        } else {
            later.add(new Conductor(step, token));
        }
    }

    private String conductorLine(List<Conductor> later, boolean[][] usedLayers) {
        int voice = 0;
        int layer = MAX_LAYERS - 1;
        search:
        for (int v = 0; v < 16; v++) {
            for (int l = MAX_LAYERS - 1; l >= 0; l--) {
                if (!usedLayers[v][l]) {
                    voice = v;
                    layer = l;
                    break search;
                }
            }
        }
        StringBuilder line = new StringBuilder("V").append(voice).append(" L").append(layer);
        long cursor = 0;
        for (Conductor c : later) {
            if (c.step > cursor) {
                line.append(" R").append(StaccatoDurations.format(at(c.step - cursor)));
                cursor = c.step;
            }
            line.append(' ').append(c.token);
        }
        return line.toString();
    }

    /** Tracks by voice: drums on 9, melodic tracks on the other 15 (by program when there are more than 15). */
    private static Map<Integer, Voice> voices(Score score) {
        Map<Integer, Voice> byVoice = new TreeMap<>();
        List<Track> melodic = score.tracks().stream().filter(t -> !t.isDrum() && !t.notes().isEmpty()).toList();
        boolean byProgram = melodic.size() > 15;
        Map<Integer, Voice> groups = new LinkedHashMap<>(); // by program, or by track index (as -1 - index)
        for (int i = 0; i < melodic.size(); i++) {
            Track t = melodic.get(i);
            groups.computeIfAbsent(byProgram ? t.program() : -1 - i, k -> new Voice(t.name(), t.program())).tracks.add(t);
        }
        if (groups.size() > 15) {
            throw new IllegalArgumentException("Staccato has 15 melodic voices, but the score has " + groups.size()
                    + " melodic tracks with different programs");
        }
        int v = 0;
        for (Voice group : groups.values()) {
            if (v == StaccatoReader.DRUM_VOICE) {
                v++;
            }
            byVoice.put(v++, group);
        }
        for (Track t : score.tracks()) {
            if (t.isDrum() && !t.notes().isEmpty()) {
                byVoice.computeIfAbsent(StaccatoReader.DRUM_VOICE, k -> new Voice(t.name(), t.program())).tracks.add(t);
            }
        }
        return byVoice;
    }

    /** The voice's notes on the grid, as chords (same onset and length) put into non-overlapping layers. */
    private List<List<List<GridNote>>> layers(Voice voice, int tpq) {
        Map<List<Long>, List<GridNote>> chords = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Long.compare(b.get(1), a.get(1)) : Long.compare(a.get(0), b.get(0)));
        for (Track t : voice.tracks) {
            for (GridNote n : GridNote.quantise(t.notes(), tpq, stepsPerWhole)) {
                chords.computeIfAbsent(List.of(n.startStep(), n.durationSteps()), k -> new ArrayList<>()).add(n);
            }
        }
        List<List<List<GridNote>>> layers = new ArrayList<>();
        List<Long> layerEnds = new ArrayList<>();
        for (List<GridNote> chord : chords.values()) {
            chord.sort(null);
            GridNote first = chord.get(0);
            int l = 0;
            while (l < layers.size() && layerEnds.get(l) > first.startStep()) {
                l++;
            }
            if (l == MAX_LAYERS) {
                throw new IllegalArgumentException("track '" + voice.name + "' needs more than " + MAX_LAYERS
                        + " layers at step " + first.startStep() + " (" + stepsPerWhole + " steps per whole note): "
                        + "too many overlapping notes of different lengths");
            }
            if (l == layers.size()) {
                layers.add(new ArrayList<>());
                layerEnds.add(0L);
            }
            layers.get(l).add(chord);
            layerEnds.set(l, first.startStep() + first.durationSteps());
        }
        return layers;
    }

    private void layer(StringBuilder line, List<List<GridNote>> chords, boolean drums, boolean keyed, BarGrid bars) {
        long cursor = 0;
        for (List<GridNote> chord : chords) {
            GridNote first = chord.get(0);
            if (first.startStep() > cursor) {
                line.append(" R").append(StaccatoDurations.format(at(first.startStep() - cursor)));
                cursor = first.startStep();
                barLine(line, cursor, bars);
            }
            String length = StaccatoDurations.format(at(first.durationSteps()));
            line.append(' ');
            // JFugue 4 gives a chord note without 'a' the velocity of the note before it: in a chord with any
            // velocity written, write them all
            boolean allVelocities = chord.stream().anyMatch(n -> n.velocity() != StaccatoReader.DEFAULT_VELOCITY);
            for (int k = 0; k < chord.size(); k++) {
                GridNote n = chord.get(k);
                if (k > 0) {
                    line.append('+');
                }
                line.append(pitch(n.pitch(), drums, keyed)).append(length);
                if (allVelocities && (chord.size() > 1 || n.velocity() != StaccatoReader.DEFAULT_VELOCITY)) {
                    line.append('a').append(n.velocity());
                }
            }
            cursor += first.durationSteps();
            barLine(line, cursor, bars);
        }
    }

    private void barLine(StringBuilder line, long step, BarGrid bars) {
        if (bars.misplaced(at(step), WholeNotes.ZERO, 0).isEmpty()) {
            line.append(" |");
        }
    }

    private static String pitch(int pitch, boolean drums, boolean keyed) {
        if (drums) {
            return "[" + StaccatoNames.percussionName(pitch).orElse(Integer.toString(pitch)) + "]";
        }
        String name = SHARP_NAMES[pitch % 12];
        // with a key signature in the text, letters without accidental would be altered by it: write naturals
        return (keyed && name.length() == 1 ? name + "n" : name) + (pitch / 12);
    }

    private WholeNotes at(long steps) {
        return WholeNotes.of(steps, stepsPerWhole);
    }

    private record Conductor(long step, String token) {
    }

    private static final class Voice {
        final String name;
        final int program;
        final List<Track> tracks = new ArrayList<>();

        Voice(String name, int program) {
            this.name = name;
            this.program = program;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StaccatoWriter(%d steps per whole note)", stepsPerWhole);
    }
}
