package org.partita.symbolic.staccato;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * Reads Partita's subset of JFugue 5's Staccato notation into a {@link Score}. The subset and its meaning are
 * documented construct by construct in docs/staccato.md. Anything outside it is a
 * {@link StaccatoSyntaxException} naming the line, column and what was expected; nothing is dropped silently.
 *
 * <p>Timing follows JFugue 5: every voice ({@code V0}-{@code V15}) and every layer of a voice ({@code L0}-{@code L15})
 * has its own time cursor; tempo, meter and key tokens take effect at the cursor of the current voice and layer.
 * Notes joined by {@code +} start together, {@code _} continues from the end of the previous note of the group,
 * and after a group the cursor stands where its last note ended. Durations are kept exact (whole-note
 * fractions) and rounded to ticks only when a note is made.
 *
 * <p>Hand-written rather than taken from JFugue: JFugue 5 is not on Maven Central and JFugue 4.0.3 (Debian) has a
 * beat grid 4x off (docs/staccato.md). Immutable and thread-safe.
 */
public final class StaccatoReader {

    /** Resolution of the scores made: 480 ticks per quarter, exact for tuplets of 3, 5 and 15. */
    public static final int DEFAULT_TICKS_PER_QUARTER = 480;
    /** Velocity of notes without {@code a}, JFugue's default attack velocity. */
    public static final int DEFAULT_VELOCITY = 64;
    /** The General MIDI drum channel, 0-based, as a voice. */
    public static final int DRUM_VOICE = 9;

    private final int ticksPerQuarter;

    private StaccatoReader(int ticksPerQuarter) {
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + ticksPerQuarter);
        }
        this.ticksPerQuarter = ticksPerQuarter;
    }

    /** A reader making scores at {@value #DEFAULT_TICKS_PER_QUARTER} ticks per quarter. */
    public static StaccatoReader defaults() {
        return new StaccatoReader(DEFAULT_TICKS_PER_QUARTER);
    }

    /** A copy making scores at another resolution. */
    public StaccatoReader withTicksPerQuarter(int newTicksPerQuarter) {
        return new StaccatoReader(newTicksPerQuarter);
    }

    /**
     * Reads {@code text}.
     *
     * @throws StaccatoSyntaxException at the first token outside the subset, naming its line and column
     */
    public StaccatoReading read(String text) throws StaccatoSyntaxException {
        return new Run(text).read();
    }

    /** Reading state of one text. */
    private final class Run {
        private final String[] lines;
        private final List<StaccatoWarning> warnings = new ArrayList<>();
        private final Map<Long, WholeNotes> cursors = new HashMap<>(); // (voice, layer) -> time
        private final int[] layerOfVoice = new int[16];
        private final int[] programOfVoice = new int[16];
        private final Map<Long, TrackNotes> tracks = new LinkedHashMap<>(); // (voice, program), first note first
        private final Map<Long, PendingTie> ties = new LinkedHashMap<>(); // (voice, layer, pitch)
        private final List<Timed<Integer>> tempos = new ArrayList<>();
        private final List<Timed<int[]>> meters = new ArrayList<>();
        private final List<Timed<KeySignature>> keys = new ArrayList<>();
        private final List<BarLine> barLines = new ArrayList<>();
        private int voice;
        private int keySharps;
        private boolean decayWarned;
        private String sourceLine;
        private int lineNumber;

        Run(String text) {
            this.lines = text.split("\r\n|\r|\n", -1);
        }

        StaccatoReading read() throws StaccatoSyntaxException {
            for (int l = 0; l < lines.length; l++) {
                lineNumber = l + 1;
                sourceLine = lines[l];
                int c = 0;
                while (c < sourceLine.length()) {
                    if (Character.isWhitespace(sourceLine.charAt(c))) {
                        c++;
                        continue;
                    }
                    int end = c;
                    while (end < sourceLine.length() && !Character.isWhitespace(sourceLine.charAt(end))) {
                        end++;
                    }
                    if (sourceLine.charAt(c) == '#') {
                        break; // a comment runs to the end of the line
                    }
                    try {
                        token(sourceLine.substring(c, end), c + 1);
                    } catch (ArithmeticException e) { // exact fractions past the range of long
                        throw error(c + 1, "this note's time cannot be kept exactly: the tuplets and numeric durations "
                                + "before it add up to fractions too fine (" + e.getMessage() + ")");
                    }
                    c = end;
                }
            }
            for (PendingTie t : ties.values()) {
                warnings.add(new StaccatoWarning(t.line, t.column, "tie from " + pitchName(t.pitch)
                        + " is never ended (no later " + pitchName(t.pitch) + " written with '-' before its "
                        + "duration); the note ends where its last tied part ends"));
                addNote(t.voice, t.program, t.start, t.end, t.pitch, t.velocity);
            }
            ties.clear();
            checkBarLines();
            return new StaccatoReading(score(), warnings);
        }

        private void token(String token, int column) throws StaccatoSyntaxException {
            String u = token.toUpperCase(Locale.ROOT);
            char first = u.charAt(0);
            if (u.startsWith("TIME:")) {
                timeSignature(token, column);
            } else if (u.startsWith("KEY:")) {
                keySignature(token, column);
            } else if (first == 'V') {
                voice = (int) smallNumber(token, 1, column, 15, "voice number 0..15 after 'V'");
            } else if (first == 'L') {
                layerOfVoice[voice] = (int) smallNumber(token, 1, column, 15, "layer number 0..15 after 'L'");
            } else if (first == 'I') {
                instrument(token, column);
            } else if (first == 'T') {
                tempo(token, column);
            } else if (first == '|') {
                if (token.length() > 1) {
                    throw error(column + 1, "expected a space after the bar line '|', found '" + token.charAt(1) + "'");
                }
                barLines.add(new BarLine(voice, layerOfVoice[voice], cursor(), lineNumber, column));
            } else if ((first >= 'A' && first <= 'G') || first == 'R' || first == '[' || first == '-'
                    || Character.isDigit(first)) {
                notes(new NoteTokenParser(token, lineNumber, column, sourceLine, keySharps).parse());
            } else {
                throw error(column, unsupported(first) + "expected a note (A-G, R, [name], MIDI number), V, L, I, T, "
                        + "KEY:, TIME:, '|' or a '#' comment, found '" + token + "'");
            }
        }

        private String unsupported(char first) {
            return switch (first) {
                case '@' -> "beat-time tokens '@' are not in Partita's Staccato subset; ";
                case ':' -> "function tokens ':' (controllers, pitch wheel) are not in Partita's Staccato subset; ";
                case '\'' -> "lyrics ''' are not in Partita's Staccato subset; ";
                case '&' -> "atoms '&' are not in Partita's Staccato subset; ";
                case '$' -> "replacement tokens '$' are not in Partita's Staccato subset; ";
                case 'X' -> "controller tokens 'X' are not in Partita's Staccato subset; ";
                case '(' -> "collected notes '(...)' are not in Partita's Staccato subset; ";
                default -> "";
            };
        }

        private void notes(List<NoteElement> elements) {
            long key = voiceLayer();
            WholeNotes groupStart = cursor();
            WholeNotes start = groupStart;
            WholeNotes end = groupStart;
            char joinedBy = 0;
            for (NoteElement e : elements) {
                if (joinedBy == '+') {
                    start = groupStart;
                } else if (joinedBy == '_') {
                    start = end;
                }
                end = start.plus(e.duration());
                if (e.decayVelocity() >= 0 && !decayWarned) {
                    decayWarned = true;
                    warnings.add(new StaccatoWarning(lineNumber, e.column(), "decay velocities ('d') are read but "
                            + "not kept: a Partita note has no note-off velocity"));
                }
                int velocity = e.attackVelocity() >= 0 ? e.attackVelocity() : DEFAULT_VELOCITY;
                for (int pitch : e.pitches()) {
                    note(e, pitch, start, end, velocity);
                }
                joinedBy = e.next();
            }
            cursors.put(key, end);
        }

        private void note(NoteElement e, int pitch, WholeNotes start, WholeNotes end, int velocity) {
            int layer = layerOfVoice[voice];
            long tieKey = ((long) voice << 16) | ((long) layer << 8) | pitch;
            PendingTie pending = ties.remove(tieKey);
            if (e.tieEnd() && pending != null) {
                pending.end = end;
                if (e.tieStart()) {
                    ties.put(tieKey, pending);
                } else {
                    addNote(voice, pending.program, pending.start, end, pitch, pending.velocity);
                }
                return;
            }
            if (pending != null) {
                warnings.add(new StaccatoWarning(pending.line, pending.column, "tie from " + pitchName(pitch)
                        + " is not ended by the next " + pitchName(pitch) + " (line " + lineNumber + ", column "
                        + e.column() + "), which has no '-' before its duration; the tied note ends there"));
                addNote(voice, pending.program, pending.start, pending.end, pitch, pending.velocity);
            }
            if (e.tieEnd()) {
                warnings.add(new StaccatoWarning(lineNumber, e.column(), "tie end on " + pitchName(pitch)
                        + " without a tie started on the same pitch in voice " + voice + " layer " + layer
                        + "; read as a new note"));
            }
            if (e.tieStart()) {
                ties.put(tieKey, new PendingTie(voice, programOfVoice[voice], pitch, velocity, start, end, lineNumber,
                        e.column()));
            } else {
                addNote(voice, programOfVoice[voice], start, end, pitch, velocity);
            }
        }

        private void addNote(int v, int program, WholeNotes start, WholeNotes end, int pitch, int velocity) {
            long startTick = start.toTicks(ticksPerQuarter);
            long endTick = end.toTicks(ticksPerQuarter);
            tracks.computeIfAbsent(((long) v << 8) | program, k -> new TrackNotes(v, program))
                    .notes.add(new Note(startTick, Math.max(0, endTick - startTick), pitch, velocity));
        }

        private void instrument(String token, int column) throws StaccatoSyntaxException {
            if (token.length() > 1 && token.charAt(1) == '[') {
                String name = bracketed(token, 1, column);
                Optional<Integer> p = StaccatoNames.program(name);
                if (p.isEmpty()) {
                    throw error(column + 2, "unknown instrument name [" + name + "]; expected a JFugue name such as "
                            + "[Piano], [Guitar], [Flute], [Acoustic_Bass] or a program number (I0-I127)");
                }
                programOfVoice[voice] = p.get();
            } else {
                programOfVoice[voice] = (int) smallNumber(token, 1, column, 127,
                        "an instrument: I[Name] or a program number 0..127 after 'I'");
            }
        }

        private void tempo(String token, int column) throws StaccatoSyntaxException {
            int bpm;
            if (token.length() > 1 && token.charAt(1) == '[') {
                String word = bracketed(token, 1, column);
                Optional<Integer> b = StaccatoNames.tempoBpm(word);
                if (b.isEmpty()) {
                    throw error(column + 2, "unknown tempo word [" + word + "]; expected one of Grave, Largo, "
                            + "Larghetto, Lento, Adagio, Adagietto, Andante, Andantino, Moderato, Allegretto, Allegro, "
                            + "Vivace, Presto, Pretissimo, or beats per minute (T120)");
                }
                bpm = b.get();
            } else {
                bpm = (int) smallNumber(token, 1, column, 960, "a tempo: beats per minute 4..960 (T120) or T[Allegro]");
                if (bpm < 4) { // a MIDI tempo holds at most 16,777,215 microseconds per quarter: 3.58 bpm
                    throw error(column + 1, "tempo must be 4..960 beats per minute (MIDI cannot hold slower), got " + bpm);
                }
            }
            tempos.add(new Timed<>(cursor(), bpm));
        }

        private void timeSignature(String token, int column) throws StaccatoSyntaxException {
            String body = token.substring(5);
            int slash = body.indexOf('/');
            if (!body.matches("[0-9]{1,3}/[0-9]{1,2}")) {
                throw error(column + 5, "expected a meter such as TIME:3/4 or TIME:6/8, found 'TIME:" + body + "'");
            }
            int num = Integer.parseInt(body.substring(0, slash));
            int den = Integer.parseInt(body.substring(slash + 1));
            if (num < 1 || num > 255 || den < 1 || den > 64 || Integer.bitCount(den) != 1) {
                throw error(column + 5, "a meter needs a numerator 1..255 and a power-of-two denominator 1..64, got "
                        + body);
            }
            meters.add(new Timed<>(cursor(), new int[] {num, den}));
        }

        private void keySignature(String token, int column) throws StaccatoSyntaxException {
            String body = token.substring(4);
            KeySignature key = Keys.parse(body, cursor().toTicks(ticksPerQuarter));
            if (key == null) {
                throw error(column + 4, "expected a key such as KEY:Cmaj, KEY:F#min, KEY:Bbmaj or KEY:K### "
                        + "(as many # or b as the key signature has), found 'KEY:" + body + "'");
            }
            keySharps = key.sharps();
            keys.add(new Timed<>(cursor(), key));
        }

        private String bracketed(String token, int open, int column) throws StaccatoSyntaxException {
            int close = token.indexOf(']', open);
            if (close < 0) {
                throw error(column + token.length(), "expected ']' to close '[' at column " + (column + open));
            }
            if (close != token.length() - 1) {
                throw error(column + close + 1, "expected a space after ']', found '" + token.charAt(close + 1) + "'");
            }
            return token.substring(open + 1, close);
        }

        private long smallNumber(String token, int from, int column, int max, String expected)
                throws StaccatoSyntaxException {
            String digits = token.substring(from);
            if (!digits.matches("[0-9]{1,4}")) {
                int bad = from;
                while (bad < token.length() && Character.isDigit(token.charAt(bad))) {
                    bad++;
                }
                throw error(column + bad, "expected " + expected + ", found '" + token + "'");
            }
            long n = Long.parseLong(digits);
            if (n > max) {
                throw error(column + from, "expected " + expected + ", got " + n);
            }
            return n;
        }

        private void checkBarLines() {
            BarGrid grid = BarGrid.of(meters.stream().map(t -> new BarGrid.Meter(t.at, t.value[0], t.value[1])).toList());
            Map<Long, BarLine> previous = new HashMap<>();
            Map<Long, Integer> written = new HashMap<>();
            for (BarLine b : barLines) {
                long key = ((long) b.voice << 8) | b.layer;
                BarLine before = previous.put(key, b);
                int bar = written.merge(key, 1, Integer::sum);
                Optional<String> problem = grid.misplaced(b.at, before == null ? WholeNotes.ZERO : before.at, bar);
                problem.ifPresent(p -> warnings.add(new StaccatoWarning(b.line, b.column,
                        "voice " + b.voice + " layer " + b.layer + ": " + p)));
            }
        }

        private Score score() {
            List<Track> out = new ArrayList<>();
            for (TrackNotes t : tracks.values()) {
                boolean drums = t.voice == DRUM_VOICE;
                String name = "V" + t.voice + " " + (drums ? "Percussion" : StaccatoNames.instrumentName(t.program));
                out.add(Track.of(name, t.program, drums, t.notes));
            }
            List<TempoChange> tempoChanges = tempos.stream()
                    .map(t -> TempoChange.ofBpm(t.at.toTicks(ticksPerQuarter), t.value)).toList();
            List<TimeSignature> meterChanges = meters.stream()
                    .map(t -> new TimeSignature(t.at.toTicks(ticksPerQuarter), t.value[0], t.value[1])).toList();
            List<KeySignature> keyChanges = keys.stream().map(t -> t.value).toList();
            return new Score(ticksPerQuarter, out, tempoChanges, meterChanges, keyChanges, List.of());
        }

        private WholeNotes cursor() {
            return cursors.getOrDefault(voiceLayer(), WholeNotes.ZERO);
        }

        private long voiceLayer() {
            return ((long) voice << 8) | layerOfVoice[voice];
        }

        private StaccatoSyntaxException error(int column, String problem) {
            return new StaccatoSyntaxException(lineNumber, column, problem, sourceLine);
        }
    }

    static String pitchName(int pitch) {
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return names[pitch % 12] + (pitch / 12);
    }

    private record Timed<T>(WholeNotes at, T value) {
    }

    private record BarLine(int voice, int layer, WholeNotes at, int line, int column) {
    }

    private static final class TrackNotes {
        final int voice;
        final int program;
        final List<Note> notes = new ArrayList<>();

        TrackNotes(int voice, int program) {
            this.voice = voice;
            this.program = program;
        }
    }

    private static final class PendingTie {
        final int voice;
        final int program;
        final int pitch;
        final int velocity;
        final WholeNotes start;
        WholeNotes end;
        final int line;
        final int column;

        PendingTie(int voice, int program, int pitch, int velocity, WholeNotes start, WholeNotes end, int line,
                   int column) {
            this.voice = voice;
            this.program = program;
            this.pitch = pitch;
            this.velocity = velocity;
            this.start = start;
            this.end = end;
            this.line = line;
            this.column = column;
        }
    }
}
