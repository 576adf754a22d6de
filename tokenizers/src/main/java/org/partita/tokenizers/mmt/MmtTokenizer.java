package org.partita.tokenizers.mmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.Vocabulary;

/**
 * The Multitrack Music Transformer's compound representation: one row per event
 * {@code (type, beat, position, pitch, duration, instrument)}, rows start-of-song, one instrument row
 * per instrument class used (ascending), start-of-notes, the notes sorted by (beat, position, pitch,
 * duration, program) after removing exact duplicates, end-of-song.
 *
 * <p>As rows: {@link #encodeRows} / {@link #decodeRows}. To fit {@link Tokenizer}: every row becomes 6
 * ids, field {@code f}'s code {@code c} at id {@code offset(f) + c} in one vocabulary
 * ({@code type_*}, {@code beat_*}, {@code position_*}, {@code pitch_*}, {@code duration_*},
 * {@code instrument_*}), so {@code ids.length = 6 × rows}; one more id, {@code PAD_None}, the last,
 * pads training windows and is in no row. For a token corpus the song's own start-of-song and
 * end-of-song type ids ({@link #START_OF_SONG}, {@link #END_OF_SONG}) serve as begin and end of piece.
 * Immutable and thread-safe.
 */
public final class MmtTokenizer implements Tokenizer {

    /** Field names in row order. */
    public static final List<String> FIELDS = List.of("type", "beat", "position", "pitch", "duration", "instrument");

    /** The token of the start-of-song row's type: the first id of every encoded piece. */
    public static final String START_OF_SONG = "type_start-of-song";

    /** The token of the end-of-song row's type: the first id of every encoded piece's last row. */
    public static final String END_OF_SONG = "type_end-of-song";

    /** Velocity of decoded notes (MusPy's default, which MMT's reconstruction uses). */
    public static final int DEFAULT_VELOCITY = 64;

    /** Tempo of decoded scores: MMT reconstructs every piece at 100 quarter notes per minute. */
    public static final int DECODED_MICROS_PER_QUARTER = 600_000;

    private final MmtConfig config;
    private final MmtFields fields;
    private final MmtDecoder decoder;
    private final MmtGrammar grammar;

    private MmtTokenizer(MmtConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.fields = new MmtFields(config);
        this.decoder = new MmtDecoder(fields);
        this.grammar = new MmtGrammar(fields);
    }

    public static MmtTokenizer of(MmtConfig config) {
        return new MmtTokenizer(config);
    }

    public MmtConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "MMT";
    }

    @Override
    public Vocabulary vocabulary() {
        return fields.vocabulary;
    }

    /** Codes per field (type, beat, position, pitch, duration, instrument), code 0 = none except for type. */
    public int[] fieldSizes() {
        return fields.sizes.clone();
    }

    /** Id of code 0 of each field in the flattened vocabulary. */
    public int[] fieldOffsets() {
        return fields.offsets.clone();
    }

    @Override
    public String configJson() {
        return MmtConfigJson.toJson(config);
    }

    /**
     * The score at {@code resolution} ticks per quarter (times and durations rounded half to even, as
     * MusPy's {@code adjust_resolution}), tracks without an MMT instrument class dropped, notes after
     * {@code maxBeat} dropped, exact duplicates (onset, pitch, duration, program) removed.
     */
    @Override
    public Score preprocess(Score score) {
        int res = config.resolution();
        int tpq = score.ticksPerQuarter();
        Set<List<Long>> seen = new HashSet<>();
        List<Track> tracks = new ArrayList<>();
        for (Track t : score.tracks()) {
            int key = t.isDrum() ? MmtInstruments.DRUMS : t.program();
            if (MmtInstruments.classOf(key) < 0) {
                continue;
            }
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes()) {
                long time = scale(n.startTick(), res, tpq);
                long duration = scale(n.durationTicks(), res, tpq);
                if (time / res > config.maxBeat() || !seen.add(List.of(time, (long) n.pitch(), duration, (long) key))) {
                    continue;
                }
                notes.add(new Note(time, duration, n.pitch(), n.velocity()));
            }
            if (!notes.isEmpty()) {
                tracks.add(Track.of(t.name(), t.program(), t.isDrum(), notes));
            }
        }
        List<TempoChange> tempos = new ArrayList<>();
        for (TempoChange c : score.tempos()) {
            tempos.add(new TempoChange(scale(c.tick(), res, tpq), c.microsPerQuarter()));
        }
        List<TimeSignature> meters = new ArrayList<>();
        for (TimeSignature m : score.timeSignatures()) {
            meters.add(new TimeSignature(scale(m.tick(), res, tpq), m.numerator(), m.denominator()));
        }
        return new Score(res, tracks, tempos, meters, List.of(), List.of());
    }

    /** {@code round(v * res / tpq)} with Python's rounding (half to even). */
    static long scale(long v, int res, int tpq) {
        long num = v * res;
        long q = Math.floorDiv(num, tpq);
        long twice = 2 * (num - q * tpq);
        if (twice > tpq || (twice == tpq && (q & 1) == 1)) {
            q++;
        }
        return q;
    }

    /** Notes of the preprocessed score in row order: {noteIndex, time, pitch, duration, programKey}. */
    private List<long[]> sortedNotes(Score pre) {
        List<long[]> out = new ArrayList<>(pre.noteCount());
        int index = 0;
        for (Track t : pre.tracks()) {
            int key = t.isDrum() ? MmtInstruments.DRUMS : t.program();
            for (Note n : t.notes()) {
                out.add(new long[] {index++, n.startTick(), n.pitch(), n.durationTicks(), key});
            }
        }
        out.sort((a, b) -> {
            for (int f = 1; f < a.length; f++) {
                int c = Long.compare(a[f], b[f]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return out;
    }

    /** The rows of {@code score} (preprocessed first), with the note, tick, bar and position of each row. */
    public CompoundSequence encodeRows(Score score) {
        Score pre = preprocess(score);
        List<long[]> notes = sortedNotes(pre);
        TreeSet<Integer> classes = new TreeSet<>();
        for (long[] n : notes) {
            classes.add(MmtInstruments.classOf((int) n[4]));
        }
        int count = notes.size() + classes.size() + 3;
        int[][] rows = new int[count][];
        int[] noteIndexes = new int[count];
        long[] ticks = new long[count];
        int[] bars = new int[count];
        int[] positions = new int[count];
        java.util.Arrays.fill(noteIndexes, -1);
        int r = 0;
        rows[r++] = new int[] {MmtFields.SOS, 0, 0, 0, 0, 0};
        for (int c : classes) {
            rows[r++] = new int[] {MmtFields.INSTRUMENT_ROW, 0, 0, 0, 0, c + 1};
        }
        rows[r++] = new int[] {MmtFields.SON, 0, 0, 0, 0, 0};
        BarCounter barCounter = new BarCounter(pre.timeSignatures(), config.resolution());
        for (long[] n : notes) {
            long time = n[1];
            int res = config.resolution();
            rows[r] = new int[] {MmtFields.NOTE, (int) (time / res) + 1, (int) (time % res) + 1, (int) n[2] + 1,
                    fields.durationCode(n[3]), MmtInstruments.classOf((int) n[4]) + 1};
            noteIndexes[r] = (int) n[0];
            ticks[r] = time;
            bars[r] = barCounter.bar(time);
            positions[r] = (int) (time % res);
            r++;
        }
        rows[r] = new int[] {MmtFields.EOS, 0, 0, 0, 0, 0};
        if (r > 0) {
            ticks[r] = ticks[r - 1];
            bars[r] = bars[r - 1];
        }
        return new CompoundSequence(rows, noteIndexes, ticks, bars, positions, config.resolution());
    }

    /** The rows flattened to ids (6 per row), each id carrying its row's note, tick, bar and position. */
    @Override
    public TokenSequence encode(Score score) {
        return flatten(encodeRows(score));
    }

    /** {@code rows} as ids: field {@code f}'s code {@code c} becomes {@code fieldOffsets()[f] + c}. */
    public TokenSequence flatten(CompoundSequence rows) {
        int w = FIELDS.size();
        int n = rows.size() * w;
        int[] ids = new int[n];
        int[] notes = new int[n];
        long[] ticks = new long[n];
        int[] bars = new int[n];
        int[] positions = new int[n];
        for (int i = 0; i < rows.size(); i++) {
            for (int f = 0; f < w; f++) {
                int k = i * w + f;
                ids[k] = fields.offsets[f] + rows.code(i, f);
                notes[k] = rows.noteIndex(i);
                ticks[k] = rows.tick(i);
                bars[k] = rows.bar(i);
                positions[k] = rows.position(i);
            }
        }
        return new TokenSequence(ids, notes, ticks, bars, positions, rows.ticksPerQuarter());
    }

    /**
     * What the rows represent: the preprocessed notes with durations binned, programs replaced by
     * their class's program, velocity {@value #DEFAULT_VELOCITY}, one track per program (ascending,
     * drums last), one tempo of 100 bpm and no meter, as MMT's {@code reconstruct} builds it.
     */
    @Override
    public Score quantise(Score score) {
        Score pre = preprocess(score);
        Map<Integer, List<Note>> byProgram = new TreeMap<>();
        for (long[] n : sortedNotes(pre)) {
            int program = MmtInstruments.programOf(MmtInstruments.classOf((int) n[4]));
            long duration = config.knownDurations().get(fields.durationCode(n[3]) - 1);
            byProgram.computeIfAbsent(program, k -> new ArrayList<>())
                    .add(new Note(n[1], duration, (int) n[2], DEFAULT_VELOCITY));
        }
        return MmtDecoder.score(config.resolution(), byProgram);
    }

    /** Rebuilds a score from rows; never throws (rows of any length, codes out of range included). */
    public Decoded decodeRows(int[][] rows) {
        return decoder.decodeRows(rows == null ? new int[0][] : rows);
    }

    @Override
    public Decoded decode(int[] ids) {
        return decoder.decodeIds(ids == null ? new int[0] : ids);
    }

    @Override
    public int decodedTicksPerQuarter() {
        return config.resolution();
    }

    /** Over flattened ids: see {@link MmtGrammar}. */
    @Override
    public Grammar grammar() {
        return grammar;
    }

    /** Bar index of ticks met in non-decreasing order, from a score's meters (4/4 before the first). */
    private static final class BarCounter {
        private final List<TimeSignature> meters;
        private final int tpq;

        BarCounter(List<TimeSignature> meters, int tpq) {
            List<TimeSignature> m = new ArrayList<>();
            if (meters.isEmpty() || meters.get(0).tick() != 0) {
                m.add(TimeSignature.DEFAULT);
            }
            m.addAll(meters);
            this.meters = m;
            this.tpq = tpq;
        }

        int bar(long tick) {
            long bars = 0;
            for (int i = 0; i < meters.size(); i++) {
                TimeSignature ts = meters.get(i);
                long barTicks = Math.max(1, tpq * 4L * ts.numerator() / ts.denominator());
                long end = i + 1 < meters.size() ? meters.get(i + 1).tick() : Long.MAX_VALUE;
                if (tick < end) {
                    return (int) (bars + (tick - ts.tick()) / barTicks);
                }
                bars += -Math.floorDiv(-(end - ts.tick()), barTicks);
            }
            return (int) bars;
        }
    }
}
