package org.partita.tokenizers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/** Test helper: the first difference between two scores note for note per (drum, program), or null. */
public final class ScoreDifference {

    private ScoreDifference() {
    }

    /** Null when equal: same notes per program (drums = -1), same tempos and meters, same resolution. */
    public static String of(Score expected, Score actual) {
        if (expected.ticksPerQuarter() != actual.ticksPerQuarter()) {
            return "ticks per quarter " + expected.ticksPerQuarter() + " vs " + actual.ticksPerQuarter();
        }
        Map<Integer, List<Note>> e = byProgram(expected);
        Map<Integer, List<Note>> a = byProgram(actual);
        if (!e.keySet().equals(a.keySet())) {
            return "programs " + e.keySet() + " vs " + a.keySet();
        }
        for (Integer k : e.keySet()) {
            List<Note> x = e.get(k);
            List<Note> y = a.get(k);
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!x.get(i).equals(y.get(i))) {
                    return "program " + k + " note " + i + ": " + x.get(i) + " vs " + y.get(i);
                }
            }
            if (x.size() != y.size()) {
                return "program " + k + ": " + x.size() + " notes vs " + y.size();
            }
        }
        if (!expected.tempos().equals(actual.tempos())) {
            return "tempos differ: " + first(expected.tempos(), actual.tempos());
        }
        if (!expected.timeSignatures().equals(actual.timeSignatures())) {
            return "meters " + first(expected.timeSignatures(), actual.timeSignatures());
        }
        return null;
    }

    private static <T> String first(List<T> x, List<T> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return "#" + i + " " + x.get(i) + " vs " + y.get(i);
            }
        }
        return "sizes " + x.size() + " vs " + y.size();
    }

    private static Map<Integer, List<Note>> byProgram(Score s) {
        Map<Integer, List<Note>> m = new TreeMap<>();
        for (Track t : s.tracks()) {
            m.computeIfAbsent(t.isDrum() ? -1 : t.program(), k -> new ArrayList<>()).addAll(t.notes());
        }
        m.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        return m;
    }
}
