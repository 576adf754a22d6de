package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.remi.RemiConfig;
import org.partita.tokenizers.remi.RemiConfigJson;
import org.partita.tokenizers.remi.RemiTokenizer;
import org.partita.tokenizers.tsd.TsdTokenizer;

/**
 * Over the files of ../shared/data/corpora (6,864 files; every {@code stride}-th one): every encoded
 * sequence is valid under the grammar, decodes with a clean report, and decode(encode(s)) equals
 * quantise(s) note for note (per program) with the same tempos and meters. A case may also require
 * token kinds to occur (rests and chords when they are on).
 */
class CorpusRoundTripTest {

    /** One tokenizer over every {@code stride}-th corpus file; {@code mustOccur}: token prefix → minimum count. */
    record Case(String name, Supplier<Tokenizer> tokenizer, int stride, Map<String, Long> mustOccur) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("REMI, POP909 reference config, all files", () -> RemiTokenizer.of(pop909()), 1, Map.of()),
                new Case("REMI, POP909 config with rests and chords, every 4th file",
                        () -> RemiTokenizer.of(pop909().withUseRests(true).withChords(true, true, 3, 6)), 4,
                        Map.of("Rest_", 10_000L, "Chord_", 10_000L)),
                new Case("TSD, default config, all files", TsdTokenizer::defaults, 1, Map.of()));
    }

    private static RemiConfig pop909() {
        try {
            return RemiConfigJson.fromJson(Files.readString(CorpusFiles.reference("miditok-remi-pop909").resolve("config.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodeOfEncodeEqualsQuantiseWithCleanReportsAndGrammarValidTokens(Case c) {
        Tokenizer tok = c.tokenizer().get();
        List<Path> all = CorpusFiles.corpus();
        assertTrue(all.size() >= 6864, "expected the 6,864 corpus files, found " + all.size());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += c.stride()) {
            files.add(all.get(i));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger unreadable = new AtomicInteger();
        AtomicLong notes = new AtomicLong();
        Map<String, AtomicLong> occurrences = new ConcurrentHashMap<>();
        c.mustOccur().keySet().forEach(prefix -> occurrences.put(prefix, new AtomicLong()));
        files.parallelStream().forEach(file -> {
            Score score;
            try {
                score = MidiReader.lenient().read(file).score();
            } catch (Exception e) {
                unreadable.incrementAndGet();
                return;
            }
            try {
                String problem = check(tok, score, notes, occurrences);
                if (problem != null) {
                    failures.add(file.getFileName() + ": " + problem);
                }
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": " + e);
            }
        });
        System.out.println(c.name() + ": " + (files.size() - failures.size() - unreadable.get()) + "/" + files.size()
                + " files, " + notes + " notes, " + unreadable + " unreadable, occurrences " + occurrences);
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail(sorted.size() + "/" + files.size() + " files fail (" + unreadable + " unreadable):\n"
                    + String.join("\n", sorted.subList(0, Math.min(20, sorted.size()))));
        }
        if (c.stride() == 1) {
            assertTrue(notes.get() > 1_000_000, "expected over a million notes compared, got " + notes);
        }
        c.mustOccur().forEach((prefix, min) -> assertTrue(occurrences.get(prefix).get() > min,
                "expected over " + min + " " + prefix + " tokens, got " + occurrences.get(prefix)));
        if (unreadable.get() > 0) {
            fail(unreadable + " corpus files could not be read");
        }
    }

    /** Null when the score round-trips; otherwise what went wrong. */
    private static String check(Tokenizer tok, Score score, AtomicLong notes, Map<String, AtomicLong> occurrences) {
        TokenSequence seq = tok.encode(score);
        int[] ids = seq.ids();
        if (!occurrences.isEmpty()) {
            for (int id : ids) {
                String token = tok.vocabulary().token(id);
                occurrences.forEach((prefix, count) -> {
                    if (token.startsWith(prefix)) {
                        count.incrementAndGet();
                    }
                });
            }
        }
        int bad = tok.grammar().firstViolation(ids);
        if (bad >= 0) {
            List<String> t = seq.tokens(tok.vocabulary());
            return "grammar rejects token " + bad + " in " + t.subList(Math.max(0, bad - 6), Math.min(t.size(), bad + 3));
        }
        Decoded d = tok.decode(ids);
        if (!d.report().isClean()) {
            return "decode report " + d.report().counts();
        }
        Score quantised = tok.quantise(score);
        notes.addAndGet(quantised.noteCount());
        return ScoreDifference.of(quantised, d.score());
    }
}
