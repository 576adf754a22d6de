package org.partita.tokenizers.mmt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.Track;
import org.partita.tokenizers.DecodeReport;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.Decoded;

/**
 * MMT rows back to a score as MMT's {@code decode} does (notes until end-of-song, other rows skipped,
 * one track per program, 100 bpm) without its faults: never throws; counts what breaks the row grammar.
 * Stateless and thread-safe.
 */
final class MmtDecoder {

    private final MmtFields fields;

    MmtDecoder(MmtFields fields) {
        this.fields = fields;
    }

    /**
     * Flattened ids: 6 per row; an id outside its field's range is UNKNOWN_ID and its row is skipped.
     * PAD: trailing PADs are skipped silently (as other tokenizers' trailing PAD), any other PAD is a
     * MISPLACED_SPECIAL_TOKEN and removed before the ids are cut into rows. A trailing partial row that
     * is the start of the end-of-song row (its type, then only None codes) ends the song without a
     * violation: generation stops at the type id of end-of-song, the row's other 5 ids never come.
     */
    Decoded decodeIds(int[] ids) {
        int w = MmtTokenizer.FIELDS.size();
        EnumMap<Violation, Integer> counts = new EnumMap<>(Violation.class);
        int[] content = withoutPad(ids, counts);
        List<int[]> rows = new ArrayList<>(content.length / w + 1);
        int whole = content.length - content.length % w;
        for (int start = 0; start < whole; start += w) {
            int[] row = new int[w];
            boolean ok = true;
            for (int f = 0; f < w; f++) {
                int code = content[start + f] - fields.offsets[f];
                if (code < 0 || code >= fields.sizes[f]) {
                    bump(counts, Violation.UNKNOWN_ID);
                    ok = false;
                }
                row[f] = code;
            }
            if (ok) {
                rows.add(row);
            }
        }
        if (whole < content.length) {
            if (isCutEndOfSong(content, whole)) {
                rows.add(new int[] {MmtFields.EOS, 0, 0, 0, 0, 0});
            } else {
                bump(counts, Violation.MISSING_FIELD);
            }
        }
        return decode(rows.toArray(new int[0][]), counts);
    }

    /** {@code ids} without PAD: trailing PADs dropped silently, others counted as misplaced. */
    private int[] withoutPad(int[] ids, EnumMap<Violation, Integer> counts) {
        int end = ids.length;
        while (end > 0 && ids[end - 1] == fields.padId) {
            end--;
        }
        int[] out = new int[end];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (ids[i] == fields.padId) {
                bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
            } else {
                out[n++] = ids[i];
            }
        }
        return n == end ? out : java.util.Arrays.copyOf(out, n);
    }

    /** True when {@code ids[from..]} (shorter than a row) is end-of-song's type id followed by None codes only. */
    private boolean isCutEndOfSong(int[] ids, int from) {
        if (ids[from] != fields.offsets[MmtFields.TYPE] + MmtFields.EOS) {
            return false;
        }
        for (int i = from + 1; i < ids.length; i++) {
            if (ids[i] != fields.offsets[i - from]) {
                return false;
            }
        }
        return true;
    }

    Decoded decodeRows(int[][] rows) {
        return decode(rows, new EnumMap<>(Violation.class));
    }

    private Decoded decode(int[][] rows, EnumMap<Violation, Integer> counts) {
        int res = fields.config.resolution();
        Map<Integer, List<Note>> byProgram = new TreeMap<>();
        boolean[] declared = new boolean[fields.sizes[MmtFields.INSTRUMENT]];
        int phase = -1; // -1 before SOS, else the type of the last structural row
        long previousTime = -1;
        boolean ended = false;
        for (int[] row : rows) {
            if (row == null || row.length != MmtTokenizer.FIELDS.size() || !inRange(row)) {
                bump(counts, row != null && row.length == MmtTokenizer.FIELDS.size() ? Violation.UNKNOWN_ID
                        : Violation.MISSING_FIELD);
                continue;
            }
            int type = row[MmtFields.TYPE];
            if (ended) {
                if (!allZero(row)) {
                    bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
                }
                continue;
            }
            if (type != MmtFields.NOTE && hasAttributes(row)) {
                bump(counts, Violation.STRAY_NOTE_ATTRIBUTE);
            }
            switch (type) {
                case MmtFields.SOS -> {
                    if (phase != -1) {
                        bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
                    }
                    phase = Math.max(phase, MmtFields.SOS);
                }
                case MmtFields.INSTRUMENT_ROW -> {
                    if (phase != MmtFields.SOS && phase != MmtFields.INSTRUMENT_ROW) {
                        bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
                    }
                    if (row[MmtFields.INSTRUMENT] == 0) {
                        bump(counts, Violation.MISSING_FIELD);
                    } else {
                        declared[row[MmtFields.INSTRUMENT]] = true;
                    }
                    if (phase < MmtFields.INSTRUMENT_ROW) {
                        phase = MmtFields.INSTRUMENT_ROW;
                    }
                }
                case MmtFields.SON -> {
                    if (phase != MmtFields.SOS && phase != MmtFields.INSTRUMENT_ROW) {
                        bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
                    }
                    phase = Math.max(phase, MmtFields.SON);
                }
                case MmtFields.NOTE -> {
                    if (phase != MmtFields.SON && phase != MmtFields.NOTE) {
                        bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
                    }
                    phase = MmtFields.NOTE;
                    if (row[MmtFields.DURATION] == 0) {
                        bump(counts, Violation.NOTE_WITHOUT_DURATION);
                        continue;
                    }
                    if (row[MmtFields.BEAT] == 0 || row[MmtFields.POSITION] == 0 || row[MmtFields.PITCH] == 0
                            || row[MmtFields.INSTRUMENT] == 0) {
                        bump(counts, Violation.MISSING_FIELD);
                        continue;
                    }
                    long time = (long) (row[MmtFields.BEAT] - 1) * res + row[MmtFields.POSITION] - 1;
                    if (time < previousTime) {
                        bump(counts, Violation.POSITION_BACKWARDS);
                    }
                    previousTime = time;
                    if (!declared[row[MmtFields.INSTRUMENT]]) {
                        bump(counts, Violation.UNDECLARED_INSTRUMENT);
                    }
                    int program = MmtInstruments.programOf(row[MmtFields.INSTRUMENT] - 1);
                    long duration = fields.config.knownDurations().get(row[MmtFields.DURATION] - 1);
                    byProgram.computeIfAbsent(program, k -> new ArrayList<>())
                            .add(new Note(time, duration, row[MmtFields.PITCH] - 1, MmtTokenizer.DEFAULT_VELOCITY));
                }
                default -> ended = true; // EOS
            }
        }
        return new Decoded(score(res, byProgram), new DecodeReport(counts));
    }

    /** A decoded score: one track per program in ascending order (128 = drums), 100 bpm, no meter. */
    static Score score(int resolution, Map<Integer, List<Note>> byProgram) {
        List<Track> tracks = new ArrayList<>();
        for (Map.Entry<Integer, List<Note>> e : byProgram.entrySet()) {
            boolean drums = e.getKey() == MmtInstruments.DRUMS;
            tracks.add(Track.of(drums ? "Drums" : "Program " + e.getKey(), drums ? 0 : e.getKey(), drums, e.getValue()));
        }
        return new Score(resolution, tracks, List.of(new TempoChange(0, MmtTokenizer.DECODED_MICROS_PER_QUARTER)),
                List.of(), List.of(), List.of());
    }

    private boolean inRange(int[] row) {
        for (int f = 0; f < row.length; f++) {
            if (row[f] < 0 || row[f] >= fields.sizes[f]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(int[] row) {
        for (int v : row) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when a non-note row carries a value in fields 1..4 (and 5 unless it is an instrument row). */
    private static boolean hasAttributes(int[] row) {
        int last = row[MmtFields.TYPE] == MmtFields.INSTRUMENT_ROW ? MmtFields.DURATION : MmtFields.INSTRUMENT;
        for (int f = 1; f <= last; f++) {
            if (row[f] != 0) {
                return true;
            }
        }
        return false;
    }

    private static void bump(EnumMap<Violation, Integer> counts, Violation v) {
        counts.merge(v, 1, Integer::sum);
    }
}
