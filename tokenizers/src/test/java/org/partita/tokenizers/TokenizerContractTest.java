package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;

/**
 * The contract every tokenizer of {@link TokenizerRegistry#standard()} keeps, run for each registered
 * name with its default config ({@code "{}"}) and for REMI with the POP909 reference config: round
 * trip to {@code quantise} with a clean report, ids inside the vocabulary, grammar validity, save/load
 * equality, decode of arbitrary ids never throwing. A newly registered tokenizer is covered here
 * without new test code.
 */
class TokenizerContractTest {

    private static final int SYNTHETIC_SCORES = 40;
    private static final int CORPUS_STRIDE = 20;

    /** One tokenizer under test: a label, its registry name and a lazily read config text. */
    record Case(String label, String name, Supplier<String> configJson) {
        Tokenizer create() {
            return TokenizerRegistry.standard().create(name, configJson.get());
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> tokenizers() {
        List<Arguments> out = new ArrayList<>();
        for (String name : TokenizerRegistry.standard().names()) {
            out.add(Arguments.of(new Case(name + " (defaults)", name,
                    () -> TokenizerRegistry.standard().defaultConfigJson(name))));
        }
        out.add(Arguments.of(new Case("REMI (POP909 reference config)", "REMI", () -> {
            try {
                return Files.readString(CorpusFiles.reference("miditok-remi-pop909").resolve("config.json"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })));
        return out.stream();
    }

    /** Null when {@code score} passes every per-score clause of the contract, else what failed. */
    static String violation(Tokenizer tok, Score score) {
        TokenSequence seq = tok.encode(score);
        int[] ids = seq.ids();
        int size = tok.vocabulary().size();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                return "id " + ids[i] + " at " + i + " outside [0, " + size + ")";
            }
        }
        int bad = tok.grammar().firstViolation(ids);
        if (bad >= 0) {
            List<String> t = seq.tokens(tok.vocabulary());
            return "grammar rejects token " + bad + " in " + t.subList(Math.max(0, bad - 6), Math.min(t.size(), bad + 3));
        }
        if (tok.grammar().errorRate(ids) != 0.0) {
            return "error rate " + tok.grammar().errorRate(ids) + " with no first violation";
        }
        Decoded d = tok.decode(ids);
        if (!d.report().isClean()) {
            return "decode report " + d.report().counts();
        }
        return ScoreDifference.of(tok.quantise(score), d.score());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void syntheticScoresRoundTripWithInRangeGrammarValidIds(Case c) {
        Tokenizer tok = c.create();
        List<Score> scores = SyntheticCorpus.generate(20240611L, SYNTHETIC_SCORES);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            String v = violation(tok, scores.get(i));
            if (v != null) {
                failures.add("synthetic #" + i + ": " + v);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " synthetic scores fail:\n" + String.join("\n", failures));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void everyTwentiethCorpusFileRoundTripsWithInRangeGrammarValidIds(Case c) {
        Tokenizer tok = c.create();
        List<Path> all = CorpusFiles.corpus();
        List<Path> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CORPUS_STRIDE) {
            sample.add(all.get(i));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger checked = new AtomicInteger();
        sample.parallelStream().forEach(file -> {
            Score score;
            try {
                score = MidiReader.lenient().read(file).score();
            } catch (Exception e) {
                failures.add(file.getFileName() + ": unreadable: " + e);
                return;
            }
            try {
                String v = violation(tok, score);
                if (v != null) {
                    failures.add(file.getFileName() + ": " + v);
                }
                checked.incrementAndGet();
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": " + e);
            }
        });
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail(sorted.size() + "/" + sample.size() + " files fail:\n"
                    + String.join("\n", sorted.subList(0, Math.min(20, sorted.size()))));
        }
        assertEquals(sample.size(), checked.get());
        assertTrue(sample.size() >= 300, "expected every 20th of the 6,864 corpus files, got " + sample.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void savedConfigLoadsToEqualVocabularyAndIdenticalIds(Case c) {
        Tokenizer tok = c.create();
        String saved = tok.configJson();
        assertNotNull(saved);
        Tokenizer loaded = TokenizerRegistry.standard().create(tok.name(), saved);
        assertEquals(tok.vocabulary(), loaded.vocabulary());
        assertEquals(saved, loaded.configJson(), "saving a loaded config changes it");
        assertEquals(tok.decodedTicksPerQuarter(), loaded.decodedTicksPerQuarter());
        for (Score s : SyntheticCorpus.generate(99L, 8)) {
            assertArrayEquals(tok.encode(s).ids(), loaded.encode(s).ids());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void decodeAndGrammarNeverThrowOnRandomIds(Case c) {
        Tokenizer tok = c.create();
        int size = tok.vocabulary().size();
        Random random = new Random(4242L);
        for (int k = 0; k < 300; k++) {
            int[] ids = new int[random.nextInt(200)];
            for (int i = 0; i < ids.length; i++) {
                // Mostly valid ids, some outside the vocabulary on either side.
                ids[i] = random.nextInt(20) == 0 ? random.nextInt(2 * size + 10) - size - 5 : random.nextInt(size);
            }
            Decoded d = tok.decode(ids);
            assertNotNull(d.score());
            double rate = tok.grammar().errorRate(ids);
            assertTrue(rate >= 0 && rate <= 1, "error rate " + rate);
            tok.grammar().start().allowed();
        }
        assertNotNull(tok.decode(new int[0]).score());
        assertTrue(tok.decode(new int[0]).report().isClean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void sequencesSampledFromTheGrammarMasksDecodeWithoutThrowing(Case c) {
        Tokenizer tok = c.create();
        Random random = new Random(77L);
        for (int k = 0; k < 30; k++) {
            GrammarState state = tok.grammar().start();
            int[] ids = new int[120];
            int n = 0;
            for (; n < ids.length; n++) {
                java.util.BitSet mask = state.allowed();
                if (mask.isEmpty()) {
                    break;
                }
                int pick = random.nextInt(mask.cardinality());
                int id = mask.nextSetBit(0);
                for (int j = 0; j < pick; j++) {
                    id = mask.nextSetBit(id + 1);
                }
                ids[n] = id;
                state = state.next(id);
            }
            int[] seq = java.util.Arrays.copyOf(ids, n);
            assertEquals(-1, tok.grammar().firstViolation(seq), "the grammar rejects its own sample");
            assertNotNull(tok.decode(seq).score());
        }
    }
}
