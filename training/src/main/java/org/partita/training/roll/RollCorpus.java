package org.partita.training.roll;

import org.partita.symbolic.Score;

import java.util.ArrayList;
import java.util.List;

/**
 * Pieces for training or evaluation: each a {@link VoiceRoll} of exactly {@code voices} monophonic voices in the
 * model's pitch range. Built from scores by {@link #fromScores}, which says why it left any piece out.
 *
 * @param voices voices per piece
 * @param sources name of each piece (its file), same order as {@code pieces}
 * @param pieces the rolls
 * @param skipped one line per piece left out: its name and the rule it broke
 * @param chordSteps steps, over all kept pieces, where a voice track sounded more than one pitch (top kept)
 */
public record RollCorpus(int voices, List<String> sources, List<VoiceRoll> pieces, List<String> skipped,
                         int chordSteps) {
    public RollCorpus {
        sources = List.copyOf(sources);
        pieces = List.copyOf(pieces);
        skipped = List.copyOf(skipped);
        if (sources.size() != pieces.size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + pieces.size() + " pieces");
        }
    }

    /** A named score, e.g. a file just read. */
    public record Entry(String source, Score score) {}

    /**
     * Keeps scores with exactly {@code voices} note tracks (non-drum, in file order = voice order, highest voice
     * first as in SATB files) whose pitches all lie in {@link RollGrid}'s range. A track sounding several pitches
     * at once keeps its highest at each step (counted in {@code chordSteps}); a piece is never transposed here.
     */
    public static RollCorpus fromScores(List<Entry> entries, int voices) {
        List<String> sources = new ArrayList<>();
        List<VoiceRoll> pieces = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int chords = 0;
        for (Entry e : entries) {
            List<Integer> tracks = ScoreRolls.noteTracks(e.score());
            if (tracks.size() != voices) {
                skipped.add(e.source() + ": has " + tracks.size() + " note tracks, the model needs exactly " + voices);
                continue;
            }
            ScoreRolls.Conversion c = ScoreRolls.toRoll(e.score(), tracks, 0);
            int[] range = c.roll().pitchRange();
            if (range == null || !RollGrid.inRange(range[0]) || !RollGrid.inRange(range[1])) {
                skipped.add(e.source() + ": pitches " + (range == null ? "none" : range[0] + ".." + range[1])
                        + " outside the model's range " + RollGrid.LOWEST_PITCH + ".." + RollGrid.HIGHEST_PITCH);
                continue;
            }
            chords += c.chordSteps();
            sources.add(e.source());
            pieces.add(c.roll());
        }
        return new RollCorpus(voices, sources, pieces, skipped, chords);
    }

    public int size() {
        return pieces.size();
    }
}
