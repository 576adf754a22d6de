package org.partita.evaluation.memorisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partita.symbolic.Score;

/**
 * A training corpus indexed for the memorisation check: every line of every piece ({@link NoteSequence}) as one
 * token array, and every n-gram of {@code seedNotes} notes hashed to 32 bits and sorted, so the passages a piece
 * shares with the corpus are found by looking its own n-grams up and extending each hit note by note in both
 * directions (seed and extend, as in sequence alignment tools). Hash collisions cost time, never wrong answers:
 * every hit is checked token by token. Immutable and thread-safe once built.
 */
public final class MemorisationIndex {

    final MemorisationSettings settings;
    final List<String> sources;
    final int[] lineStart; // first global position of each line, ascending; a sentinel total at the end
    final int[] lineSource;
    final List<String> lineLabels;
    final int[] tokens;
    final byte[] pitches;
    final int[] bars;
    final long[] entries; // (hash << 32) | position, sorted

    MemorisationIndex(MemorisationSettings settings, List<String> sources, int[] lineStart, int[] lineSource,
                      List<String> lineLabels, int[] tokens, byte[] pitches, int[] bars, long[] entries) {
        this.settings = settings;
        this.sources = List.copyOf(sources);
        this.lineStart = lineStart;
        this.lineSource = lineSource;
        this.lineLabels = List.copyOf(lineLabels);
        this.tokens = tokens;
        this.pitches = pitches;
        this.bars = bars;
        this.entries = entries;
    }

    /** The settings the index was built with (grid, seed length, default thresholds). */
    public MemorisationSettings settings() {
        return settings;
    }

    /** The training pieces, in the order they were added. */
    public List<String> sources() {
        return sources;
    }

    /** Notes indexed, over all lines. */
    public int noteCount() {
        return tokens.length;
    }

    /** Lines indexed. */
    public int lineCount() {
        return lineSource.length;
    }

    /** Checks {@code piece} with the thresholds the index was built with. */
    public MemorisationVerdict check(Score piece) {
        return check(piece, settings.minBars(), settings.minNotes());
    }

    /** Checks every line of {@code piece} (each track and the melody) against every line of the corpus. */
    public MemorisationVerdict check(Score piece, double minBars, int minNotes) {
        return check(piece, minBars, minNotes, false);
    }

    /**
     * The passages of {@code piece} that occur in a training piece, transposition-invariant, and whether one
     * reaches {@code minBars} bars or {@code minNotes} notes (0 turns a rule off). With {@code melodyOnly} only
     * melody lines are compared (the piece's with the corpus'), so shared accompaniment figures do not count.
     */
    public MemorisationVerdict check(Score piece, double minBars, int minNotes, boolean melodyOnly) {
        MemorisationSettings thresholds = settings.withMinBars(minBars).withMinNotes(minNotes);
        Map<Integer, Passage> bestBySource = new LinkedHashMap<>();
        for (NoteSequence line : NoteSequence.of(piece, settings.stepsPerQuarter())) {
            if (!melodyOnly || line.isMelody()) {
                search(piece, line, bestBySource, melodyOnly);
            }
        }
        Passage longest = null;
        List<Passage> copied = new ArrayList<>();
        for (Passage p : bestBySource.values()) {
            if (p.longerThan(longest)) {
                longest = p;
            }
            if (thresholds.flags(p.bars(), p.notes())) {
                copied.add(p);
            }
        }
        copied.sort((a, b) -> a.longerThan(b) ? -1 : b.longerThan(a) ? 1 : 0);
        return new MemorisationVerdict(!copied.isEmpty(), longest, copied);
    }

    private void search(Score piece, NoteSequence line, Map<Integer, Passage> bestBySource, boolean melodyOnly) {
        int k = settings.seedNotes() - 1; // tokens per seed
        int[] q = line.tokens();
        Map<Long, Integer> covered = new HashMap<>(); // diagonal (hit - query position) -> query end reached
        for (int qi = 1; qi + k <= q.length; qi++) {
            int hash = hash(q, qi, k);
            int from = firstEntry(hash);
            for (int e = from; e < entries.length && (int) (entries[e] >> 32) == hash; e++) {
                int hi = (int) entries[e];
                if (melodyOnly && !NoteSequence.MELODY.equals(lineLabels.get(lineOf(hi)))) {
                    continue;
                }
                long diagonal = (long) hi - qi;
                Integer reached = covered.get(diagonal);
                if (reached != null && reached > qi) {
                    continue;
                }
                int back = 0;
                while (qi - 1 - back >= 1 && hi - 1 - back >= 0 && q[qi - 1 - back] == tokens[hi - 1 - back]) {
                    back++;
                }
                int forward = 0;
                while (qi + forward < q.length && hi + forward < tokens.length
                        && q[qi + forward] == tokens[hi + forward]) {
                    forward++;
                }
                covered.put(diagonal, qi + forward);
                if (forward < k) {
                    continue; // a hash collision, not a real seed
                }
                record(piece, line, qi - back, qi + forward, hi - back, bestBySource);
            }
        }
    }

    /** Tokens [qs, qe) of the line match tokens [hs, ...): notes qs-1 .. qe-1 of the line. */
    private void record(Score piece, NoteSequence line, int qs, int qe, int hs, Map<Integer, Passage> bestBySource) {
        int firstNote = qs - 1;
        int lastNote = qe - 1;
        int notes = lastNote - firstNote + 1;
        long start = line.startTicks()[firstNote];
        long end = start;
        for (int i = firstNote; i <= lastNote; i++) {
            end = Math.max(end, line.endTicks()[i]);
        }
        double ticksPerBar = piece.timeGrid().meterAt(start).ticksPerBar(piece.ticksPerQuarter());
        double lengthBars = (end - start) / ticksPerBar;
        int sourceFirst = hs - 1;
        int sourceLast = sourceFirst + notes - 1;
        int l = lineOf(sourceFirst);
        int source = lineSource[l];
        Passage p = new Passage(lengthBars, notes, line.label(), line.bars()[firstNote] + 1, sources.get(source),
                lineLabels.get(l), bars[sourceFirst] + 1, bars[sourceLast] + 1,
                line.pitches()[firstNote] - pitches[sourceFirst]);
        if (p.longerThan(bestBySource.get(source))) {
            bestBySource.put(source, p);
        }
    }

    private int lineOf(int position) {
        int i = Arrays.binarySearch(lineStart, position);
        return i >= 0 ? i : -i - 2;
    }

    private int firstEntry(int hash) {
        long key = (long) hash << 32;
        int lo = 0;
        int hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A 32-bit hash of tokens [from, from + k). */
    static int hash(int[] t, int from, int k) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = from; i < from + k; i++) {
            h = (h ^ t[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h >>> 32);
    }

    /** Builds an index; add pieces in the order they should be numbered. Not thread-safe. */
    public static final class Builder {

        private final MemorisationSettings settings;
        private final List<String> sources = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<NoteSequence> lines = new ArrayList<>();
        private final List<Integer> lineSource = new ArrayList<>();

        public Builder(MemorisationSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Adds a training piece. */
        public Builder add(String source, Score score) {
            return add(source, NoteSequence.of(score, settings.stepsPerQuarter()));
        }

        /** Adds a training piece whose lines were extracted already (with this builder's grid), e.g. in parallel. */
        public Builder add(String source, List<NoteSequence> pieceLines) {
            Objects.requireNonNull(source, "source");
            int id = sources.size();
            sources.add(source);
            for (NoteSequence line : pieceLines) {
                lines.add(line);
                labels.add(line.label());
                lineSource.add(id);
            }
            return this;
        }

        public MemorisationIndex build() {
            long total = 0;
            for (NoteSequence line : lines) {
                total += line.size();
            }
            if (total > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("too many notes to index: " + total);
            }
            int n = (int) total;
            int[] tokens = new int[n];
            byte[] pitches = new byte[n];
            int[] bars = new int[n];
            int[] starts = new int[lines.size() + 1];
            int[] sourceOf = new int[lines.size()];
            int at = 0;
            for (int i = 0; i < lines.size(); i++) {
                NoteSequence line = lines.get(i);
                starts[i] = at;
                sourceOf[i] = lineSource.get(i);
                System.arraycopy(line.tokens(), 0, tokens, at, line.size());
                System.arraycopy(line.pitches(), 0, pitches, at, line.size());
                System.arraycopy(line.bars(), 0, bars, at, line.size());
                at += line.size();
            }
            starts[lines.size()] = n;
            int k = settings.seedNotes() - 1;
            long[] entries = new long[n];
            int count = 0;
            for (int i = 0; i < lines.size(); i++) {
                for (int p = starts[i] + 1; p + k <= starts[i + 1]; p++) {
                    entries[count++] = (long) hash(tokens, p, k) << 32 | p;
                }
            }
            entries = Arrays.copyOf(entries, count);
            Arrays.parallelSort(entries);
            return new MemorisationIndex(settings, sources, starts, sourceOf, labels, tokens, pitches, bars, entries);
        }
    }
}
