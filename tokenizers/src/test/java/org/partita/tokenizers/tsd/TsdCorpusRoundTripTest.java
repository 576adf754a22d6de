package org.partita.tokenizers.tsd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.CorpusFiles;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.ScoreDifference;
import org.partita.tokenizers.TokenSequence;

/**
 * Over every file of ../shared/data/corpora (6,864 files) with the default TSD config: every encoded
 * sequence is grammar-valid, decodes with a clean report, and decode(encode(s)) equals quantise(s).
 */
class TsdCorpusRoundTripTest {

    @Test
    void everyCorpusFileRoundTripsToItsQuantisedScoreWithGrammarValidTokens() {
        TsdTokenizer tok = TsdTokenizer.defaults();
        List<Path> files = CorpusFiles.corpus();
        assertTrue(files.size() >= 6864, "expected the 6,864 corpus files, found " + files.size());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger unreadable = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        AtomicLong notes = new AtomicLong();
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
                String diff = ScoreDifference.of(quantised, d.score());
                if (diff != null) {
                    failures.add(file.getFileName() + ": " + diff);
                    return;
                }
                notes.addAndGet(quantised.noteCount());
                passed.incrementAndGet();
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": " + e);
            }
        });
        System.out.println("TSD corpus round trip: " + passed + "/" + files.size() + " files, " + notes
                + " notes, " + unreadable + " unreadable");
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail(sorted.size() + "/" + files.size() + " files fail:\n"
                    + String.join("\n", sorted.subList(0, Math.min(20, sorted.size()))));
        }
        assertTrue(notes.get() > 1_000_000, "expected over a million notes compared, got " + notes);
        if (unreadable.get() > 0) {
            fail(unreadable + " corpus files could not be read");
        }
    }
}
