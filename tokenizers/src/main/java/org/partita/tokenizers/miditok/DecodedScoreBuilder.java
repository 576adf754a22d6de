package org.partita.tokenizers.miditok;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.DecodeReport;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.Decoded;

/**
 * What a MidiTok-style decoder rebuilds, collected as it reads ids: notes per program (-1 = drums,
 * one track each in order of first appearance), tempo changes and rule breaks; {@link #build} turns
 * them and the decoder's meters into a {@link Decoded}. Mutable: one instance per decode call, not
 * thread-safe.
 */
public final class DecodedScoreBuilder {

    private final EnumMap<Violation, Integer> counts = new EnumMap<>(Violation.class);
    private final Map<Integer, List<Note>> tracks = new LinkedHashMap<>();
    private final List<TempoChange> tempos = new ArrayList<>();
    private boolean seenContent;

    /** Counts one rule break. */
    public void count(Violation v) {
        counts.merge(v, 1, Integer::sum);
    }

    /** Adds a note to the track of {@code program} (-1 = drums). */
    public void addNote(int program, Note note) {
        tracks.computeIfAbsent(program, p -> new ArrayList<>()).add(note);
    }

    /** Adds a tempo change. */
    public void addTempo(long tick, int microsPerQuarter) {
        tempos.add(new TempoChange(tick, microsPerQuarter));
    }

    /**
     * Reads a token the decoder does not interpret itself: an unknown id ({@code known} false) counts
     * {@link Violation#UNKNOWN_ID}; a special token is allowed as BOS before any content, or as EOS/PAD
     * followed by nothing but EOS/PAD, and otherwise counts {@link Violation#MISPLACED_SPECIAL_TOKEN}.
     */
    public void skip(int[] ids, int i, boolean known, IntPredicate isBos, IntPredicate isEndOrPad) {
        if (!known) {
            count(Violation.UNKNOWN_ID);
            return;
        }
        boolean leadingBos = isBos.test(ids[i]) && !seenContent;
        boolean trailing = isEndOrPad.test(ids[i]) && onlyMatching(ids, i, isEndOrPad);
        if (!leadingBos && !trailing) {
            count(Violation.MISPLACED_SPECIAL_TOKEN);
        }
    }

    /** Records that a content token (neither unknown nor special) was read: BOS is no longer allowed. */
    public void contentSeen() {
        seenContent = true;
    }

    private static boolean onlyMatching(int[] ids, int from, IntPredicate p) {
        for (int j = from; j < ids.length; j++) {
            if (!p.test(ids[j])) {
                return false;
            }
        }
        return true;
    }

    /** The score at {@code ticksPerQuarter} with {@code meters}, and the report. */
    public Decoded build(int ticksPerQuarter, List<TimeSignature> meters) {
        List<Track> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Note>> e : tracks.entrySet()) {
            int p = e.getKey();
            out.add(Track.of(p == -1 ? "Drums" : "Program " + p, p == -1 ? 0 : p, p == -1, e.getValue()));
        }
        Score score = new Score(ticksPerQuarter, out, tempos, meters, List.of(), List.of());
        return new Decoded(score, new DecodeReport(counts));
    }
}
