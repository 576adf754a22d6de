package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.Decoded;

/**
 * Every 4th file of ../shared/data/corpora with the POP909 reference configuration plus rests and
 * chords (with roots, unknown chords of 3-5 notes): decode(encode(s)) equals quantise(s), the
 * report is clean and the grammar accepts every sequence; rests and chords do occur.
 */
class RemiRestsAndChordsCorpusRoundTripTest {

    @Test
    void roundTripHoldsWithRestsAndChordsOn() throws Exception {
        Path ref = SharedData.reference("miditok-remi-pop909");
        RemiConfig config = RemiConfigJson.fromJson(Files.readString(ref.resolve("config.json")))
                .withUseRests(true).withChords(true, true, 3, 6);
        RemiTokenizer tok = RemiTokenizer.of(config);
        List<Path> all = SharedData.midiFiles(SharedData.root().resolve("corpora"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 4) {
            files.add(all.get(i));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong rests = new AtomicLong();
        AtomicLong chords = new AtomicLong();
        files.parallelStream().forEach(file -> {
            try {
                Score score = MidiReader.lenient().read(file).score();
                int[] ids = tok.encode(score).ids();
                for (int id : ids) {
                    RemiVocabulary.Type t = vocabType(tok, id);
                    if (t == RemiVocabulary.Type.REST) {
                        rests.incrementAndGet();
                    } else if (t == RemiVocabulary.Type.CHORD) {
                        chords.incrementAndGet();
                    }
                }
                int bad = tok.grammar().firstViolation(ids);
                if (bad >= 0) {
                    List<String> t = tok.encode(score).tokens(tok.vocabulary());
                    failures.add(file.getFileName() + ": grammar rejects token " + bad + " in "
                            + t.subList(Math.max(0, bad - 6), Math.min(t.size(), bad + 3)));
                    return;
                }
                Decoded d = tok.decode(ids);
                if (!d.report().isClean()) {
                    failures.add(file.getFileName() + ": decode report " + d.report().counts());
                    return;
                }
                String diff = RemiCorpusRoundTripTest.difference(tok.quantise(score), d.score());
                if (diff != null) {
                    failures.add(file.getFileName() + ": " + diff);
                }
            } catch (Exception e) {
                failures.add(file.getFileName() + ": " + e);
            }
        });
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail(sorted.size() + "/" + files.size() + " files fail:\n"
                    + String.join("\n", sorted.subList(0, Math.min(20, sorted.size()))));
        }
        assertTrue(rests.get() > 10_000, "expected many Rest tokens, got " + rests);
        assertTrue(chords.get() > 10_000, "expected many Chord tokens, got " + chords);
    }

    private static RemiVocabulary.Type vocabType(RemiTokenizer tok, int id) {
        String s = tok.vocabulary().token(id);
        return s.startsWith("Rest_") ? RemiVocabulary.Type.REST
                : s.startsWith("Chord_") ? RemiVocabulary.Type.CHORD : null;
    }
}
