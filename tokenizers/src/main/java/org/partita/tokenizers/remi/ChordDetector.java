package org.partita.tokenizers.remi;

import java.util.Arrays;

/**
 * MidiTok 3.0.6's {@code detect_chords}, rule for rule, over a track's notes in the order the
 * encoder sees them. Walking the notes: skip notes at the onset just handled; take up to 10 notes
 * from the current one whose onsets are within {@code ticksPerBeat / beatRes} ticks of it; give up on
 * the group (skipping it) when any note's end differs from the first's by more than half a beat; if
 * the first note lasts at most half a beat, keep only notes at exactly its onset; keep notes ending
 * at most half a beat after the first; the intervals above the first note's pitch, when 3 to 5 notes
 * and at most 24 semitones, are looked up in the chord maps (exact match, map order). Stateless.
 */
final class ChordDetector {

    /** MidiTok's {@code simul_notes_limit}. */
    static final int SIMULTANEOUS_NOTES_LIMIT = 10;

    private final ChordSettings settings;
    private final int beatRes;
    private final int chordBase;

    ChordDetector(ChordSettings settings, int beatRes, int chordBase) {
        this.settings = settings;
        this.beatRes = beatRes;
        this.chordBase = chordBase;
    }

    /**
     * Chords of a part as {time, token id} pairs, in detection order ({@code out[2k]} time,
     * {@code out[2k+1]} id). {@code tpbSections} are {end tick, ticks per beat} per meter section.
     */
    long[] detect(Prepared.Part p, long[][] tpbSections) {
        long[] out = new long[16];
        int found = 0;
        int n = p.size;
        int[] group = new int[SIMULTANEOUS_NOTES_LIMIT];
        int[] map = new int[SIMULTANEOUS_NOTES_LIMIT];
        int section = 0;
        long previousTick = -1;
        int count = 0;
        while (count < n) {
            if (p.time[count] == previousTick) {
                count++;
                continue;
            }
            while (section + 1 < tpbSections.length && p.time[count] >= tpbSections[section][0]) {
                section++;
            }
            long tpb = tpbSections[section][1];
            long half = tpb / 2;
            double onsetOffset = tpb * 1.0 / beatRes;
            // Onset group: notes of the window starting close enough to the first one.
            int size = 0;
            int windowEnd = Math.min(n, count + SIMULTANEOUS_NOTES_LIMIT);
            long firstTime = p.time[count];
            for (int i = count; i < windowEnd; i++) {
                if (p.time[i] <= firstTime + onsetOffset) {
                    group[size++] = i;
                }
            }
            long firstEnd = end(p, group[0]);
            boolean ambiguous = false;
            for (int k = 0; k < size; k++) {
                ambiguous |= Math.abs(end(p, group[k]) - firstEnd) > half;
            }
            if (ambiguous) {
                count += size;
                continue;
            }
            if (end(p, count) - p.time[count] <= half) {
                int kept = 0;
                long t0 = p.time[group[0]];
                for (int k = 0; k < size; k++) {
                    if (p.time[group[k]] == t0) {
                        group[kept++] = group[k];
                    }
                }
                size = kept;
            }
            int chordSize = 0;
            long chordTime = Long.MAX_VALUE;
            int rootPitch = p.pitch[group[0]];
            for (int k = 0; k < size; k++) {
                int i = group[k];
                if (end(p, i) - firstEnd <= half) {
                    map[chordSize++] = p.pitch[i] - rootPitch;
                    chordTime = Math.min(chordTime, p.time[i]);
                }
            }
            if (chordSize >= 3 && chordSize <= 5 && map[chordSize - 1] <= 24) {
                int id = tokenId(map, chordSize, p.pitch[count]);
                if (id >= 0) {
                    if (found * 2 + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[found * 2] = chordTime;
                    out[found * 2 + 1] = id;
                    found++;
                }
            }
            long maxTime = Long.MIN_VALUE;
            for (int k = 0; k < size; k++) {
                maxTime = Math.max(maxTime, p.time[group[k]]);
            }
            previousTick = maxTime;
            count += size;
        }
        return Arrays.copyOf(out, found * 2);
    }

    private static long end(Prepared.Part p, int i) {
        return p.time[i] + p.duration[i];
    }

    /**
     * The Chord token id for intervals {@code map} whose first note (MidiTok's {@code notes[count]})
     * has {@code rootPitch}; -1 when MidiTok would emit nothing, or a token outside the vocabulary
     * (an unknown chord whose note count is outside {@code chord_unknown}, which makes MidiTok fail).
     */
    private int tokenId(int[] map, int size, int rootPitch) {
        int perQuality = settings.withRootNote() ? 12 : 1;
        int root = settings.withRootNote() ? Math.floorMod(rootPitch, 12) : 0;
        int q = settings.qualityIndex(map, size);
        if (q >= 0) {
            return chordBase + q * perQuality + root;
        }
        if (settings.unknownLow() < 0 || size < settings.unknownLow() || size >= settings.unknownHigh()) {
            return -1;
        }
        int known = settings.qualities().size() * perQuality;
        return chordBase + known + (size - settings.unknownLow()) * perQuality + root;
    }
}
