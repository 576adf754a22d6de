package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.TokenSequence;

/**
 * Over every file of ../shared/data/corpora (6,864 files) with the POP909 reference configuration:
 * decode(encode(s)) equals quantise(s) note for note (per program), with the same tempos and meters,
 * a clean decode report, and every encoded sequence valid under the grammar.
 */
class RemiCorpusRoundTripTest {

    @Test
    void decodeOfEncodeEqualsQuantisedScoreAndGrammarAcceptsEverySequenceOnAllCorpora() throws Exception {
        Path ref = SharedData.reference("miditok-remi-pop909");
        RemiTokenizer tok = RemiTokenizer.of(RemiConfigJson.fromJson(Files.readString(ref.resolve("config.json"))));
        List<Path> files = SharedData.midiFiles(SharedData.root().resolve("corpora"));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger unreadable = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong notesChecked = new java.util.concurrent.atomic.AtomicLong();
        org.junit.jupiter.api.Assertions.assertTrue(files.size() >= 6864, "expected the 6,864 corpus files, found " + files.size());
        files.parallelStream().forEach(file -> {
            Score score;
            try {
                score = MidiReader.lenient().read(file).score();
            } catch (Exception e) {
                unreadable.incrementAndGet();
                return;
            }
            try {
                TokenSequence seq = tok.encode(score);
                int[] ids = seq.ids();
                int bad = tok.grammar().firstViolation(ids);
                if (bad >= 0) {
                    List<String> t = seq.tokens(tok.vocabulary());
                    failures.add(file.getFileName() + ": grammar rejects token " + bad + " in "
                            + t.subList(Math.max(0, bad - 6), Math.min(t.size(), bad + 3)));
                    return;
                }
                Decoded d = tok.decode(ids);
                if (!d.report().isClean()) {
                    failures.add(file.getFileName() + ": decode report " + d.report().counts());
                    return;
                }
                Score quantised = tok.quantise(score);
                notesChecked.addAndGet(quantised.noteCount());
                String diff = difference(quantised, d.score());
                if (diff != null) {
                    failures.add(file.getFileName() + ": " + diff);
                }
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": " + e);
            }
        });
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail(sorted.size() + "/" + files.size() + " files fail (" + unreadable + " unreadable):\n"
                    + String.join("\n", sorted.subList(0, Math.min(20, sorted.size()))));
        }
        org.junit.jupiter.api.Assertions.assertTrue(notesChecked.get() > 1_000_000,
                "expected over a million notes compared, got " + notesChecked);
        if (unreadable.get() > 0) {
            fail(unreadable + " corpus files could not be read");
        }
    }

    /** Null when equal: same notes per (drum, program), same tempos and meters, same resolution. */
    static String difference(Score expected, Score actual) {
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
            return "meters " + expected.timeSignatures() + " vs " + actual.timeSignatures();
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
