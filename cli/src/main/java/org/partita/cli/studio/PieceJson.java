package org.partita.cli.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.evaluation.memorisation.Passage;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;

/** The API's JSON shapes (docs/studio.md), as maps Jackson writes. Pure. */
final class PieceJson {

    private PieceJson() {
    }

    /** A piece: id, source, bars, tracks, notes (sorted by track, then start), bar lines, tempo, duration. */
    static Map<String, Object> piece(StudioPiece p) {
        Score s = p.score();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("source", p.source());
        m.put("parent", p.parentId());
        m.put("bars", p.bars());
        m.put("ticksPerQuarter", s.ticksPerQuarter());
        m.put("endTick", s.endTick());
        m.put("durationSeconds", s.durationSeconds());
        m.put("bpm", s.tempos().isEmpty() ? 120.0 : s.tempos().get(0).bpm());
        TimeGrid grid = s.timeGrid();
        List<Long> barTicks = new ArrayList<>();
        for (int b = 0; b <= p.bars(); b++) {
            barTicks.add(grid.barStartTick(b));
        }
        m.put("barTicks", barTicks);
        List<Map<String, Object>> tracks = new ArrayList<>();
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int t = 0; t < s.tracks().size(); t++) {
            Track track = s.tracks().get(t);
            tracks.add(Map.of("index", t, "name", track.name(), "program", track.program(), "drum", track.isDrum(),
                    "notes", track.notes().size()));
            for (Note n : track.notes()) {
                notes.add(Map.of("track", t, "pitch", n.pitch(), "startTick", n.startTick(),
                        "durationTicks", n.durationTicks(), "velocity", n.velocity()));
            }
        }
        m.put("tracks", tracks);
        m.put("notes", notes);
        if (p.memorisation() != null) {
            m.put("memorisation", memorisation(p.memorisation()));
        }
        return m;
    }

    /** A verdict: flagged, a one-line summary and the longest shared passage. */
    static Map<String, Object> memorisation(MemorisationVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checked", true);
        m.put("flagged", v.flagged());
        Passage longest = v.longest();
        m.put("summary", v.flagged()
                ? String.format("copies %d notes (%.1f bars) of %s, bars %d-%d%s", longest.notes(), longest.bars(),
                        fileName(longest.source()), longest.sourceFirstBar(), longest.sourceLastBar(),
                        longest.transposition() == 0 ? "" : ", transposed " + longest.transposition())
                : longest == null ? "no passage shared with the training corpus"
                : String.format("longest shared passage %d notes (%.1f bars): not a copy", longest.notes(),
                        longest.bars()));
        if (longest != null) {
            m.put("longest", Map.of("notes", longest.notes(), "bars", longest.bars(), "source",
                    fileName(longest.source()), "sourceFirstBar", longest.sourceFirstBar(), "sourceLastBar",
                    longest.sourceLastBar(), "transposition", longest.transposition()));
        }
        m.put("copiedPieces", v.copied().size());
        return m;
    }

    /** No check possible, and why. */
    static Map<String, Object> unchecked(String reason) {
        return Map.of("checked", false, "reason", reason);
    }

    /** The index's settings, for {@code /api/health}. */
    static Map<String, Object> index(MemorisationIndex index, String problem) {
        return index == null ? unchecked(problem) : Map.of("checked", true, "trainingPieces", index.sources().size(),
                "notes", index.noteCount());
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
