package org.partita.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;

class GrammarMaskTest {

    static final Tokenizer REMI = TokenizerRegistry.standard().createDefault("REMI");
    static final int BAR = REMI.vocabulary().id("Bar_None");
    static final int EOS = REMI.vocabulary().id("EOS_None");

    static int[] encoded(int piece) {
        Score score = SyntheticCorpus.generate(3, piece + 1).get(piece);
        return REMI.encode(score).ids();
    }

    /** Some ids of a real sequence replaced by random ones: a mix of allowed and disallowed tokens. */
    static int[] perturbed(int[] ids, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = ids.clone();
        for (int i = 0; i < out.length; i++) {
            if (rng.nextInt(10) == 0) {
                out[i] = rng.nextInt(REMI.vocabulary().size());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"REMI", "TSD", "MMT"})
    void countsTheSameViolationsAsTheGrammarsErrorRate(String name) {
        Tokenizer tok = TokenizerRegistry.standard().createDefault(name);
        Grammar g = tok.grammar();
        int[] ids = tok.encode(SyntheticCorpus.generate(3, 2).get(1)).ids();
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < ids.length; i++) {
            if (rng.nextInt(10) == 0) {
                ids[i] = rng.nextInt(tok.vocabulary().size());
            }
        }
        GrammarMask mask = GrammarMask.of(g);
        int disallowed = 0;
        for (int i = 0; i < ids.length; i++) {
            BitSet allowed = i == 0 ? g.start().allowed() : mask.allowedNext(Arrays.copyOf(ids, i));
            disallowed += allowed.get(ids[i]) ? 0 : 1;
        }
        assertTrue(disallowed > 0, "the perturbed sequence breaks the grammar somewhere");
        assertEquals(g.errorRate(ids) * ids.length, disallowed, 1e-9);
    }

    @Test
    void incrementalMasksEqualMasksComputedFromTheStart() {
        int[] a = perturbed(encoded(0), 1);
        int[] b = perturbed(encoded(1), 2);
        GrammarMask incremental = GrammarMask.of(REMI.grammar());
        int n = Math.min(a.length, b.length);
        for (int len = 1; len <= n; len++) {
            // two samples asked in turn each step, as the generator does
            for (int[] s : new int[][] {a, b}) {
                int[] prefix = Arrays.copyOf(s, len);
                BitSet expected = GrammarMask.of(REMI.grammar()).allowedNext(prefix);
                assertEquals(expected, incremental.allowedNext(prefix), "prefix length " + len);
            }
        }
    }

    @Test
    void sequencesSampledUnderTheMaskAreValid() {
        SplittableRandom rng = new SplittableRandom(5);
        GrammarMask mask = GrammarMask.of(REMI.grammar());
        int[][] samples = new int[3][400];
        for (int len = 0; len < 400; len++) {
            for (int[] s : samples) {
                BitSet allowed = len == 0 ? REMI.grammar().start().allowed() : mask.allowedNext(Arrays.copyOf(s, len));
                allowed.clear(EOS); // keep going
                int[] ids = allowed.stream().toArray();
                s[len] = ids[rng.nextInt(ids.length)];
            }
        }
        for (int[] s : samples) {
            assertEquals(-1, REMI.grammar().firstViolation(s), Arrays.toString(s));
        }
    }

    @Test
    void afterTheBarPastTheLimitOnlyEosMayFollow() {
        int[] ids = encoded(0);
        int thirdBar = nthIndexOf(ids, BAR, 3);
        GrammarMask mask = GrammarMask.withBarLimit(REMI.grammar(), BAR, 2, EOS);

        BitSet beforeThirdBar = mask.allowedNext(Arrays.copyOf(ids, thirdBar));
        BitSet afterThirdBar = mask.allowedNext(Arrays.copyOf(ids, thirdBar + 1));

        assertTrue(beforeThirdBar.get(BAR) && beforeThirdBar.cardinality() > 1, "the grammar decides up to the limit");
        assertEquals(1, afterThirdBar.cardinality(), afterThirdBar.toString());
        assertTrue(afterThirdBar.get(EOS));
    }

    @Test
    void trimToBarsCutsBeforeTheBarPastTheLimit() {
        int[] ids = encoded(0);
        int thirdBar = nthIndexOf(ids, BAR, 3);

        assertArrayEquals(Arrays.copyOf(ids, thirdBar), GrammarMask.trimToBars(ids, BAR, 2));
        assertSame(ids, GrammarMask.trimToBars(ids, BAR, 1000));
    }

    @Test
    void trimToEndDropsAnIncompleteTrailingNote() {
        int[] ids = encoded(0);
        int cutInsideNote = -1;
        for (int i = ids.length / 2; i < ids.length; i++) {
            if (REMI.vocabulary().token(ids[i]).startsWith("Velocity_")) {
                cutInsideNote = i + 1; // Program, Pitch, Velocity: the Duration is missing
                break;
            }
        }
        int[] cut = Arrays.copyOf(ids, cutInsideNote);

        int[] trimmed = GrammarMask.trimToEnd(cut, REMI.grammar(), EOS);

        assertEquals(cutInsideNote - 3, trimmed.length, "Program, Pitch and Velocity of the cut note go");
        assertTrue(REMI.decode(trimmed).report().isClean());
        assertTrue(!REMI.decode(cut).report().isClean(), "the cut note is a violation before trimming");
        assertSame(ids, GrammarMask.trimToEnd(ids, REMI.grammar(), EOS), "a complete sequence stays as it is");
    }

    static int nthIndexOf(int[] ids, int id, int n) {
        int seen = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + n + " of id " + id);
    }

    @Test
    void mmtBeatPastTheLimitIsFollowedOnlyByEndOfSongAndItsRowIsCutAway() {
        org.partita.tokenizers.mmt.MmtTokenizer mmt =
                (org.partita.tokenizers.mmt.MmtTokenizer) TokenizerRegistry.standard().createDefault("MMT");
        int endOfSong = mmt.vocabulary().id(org.partita.tokenizers.mmt.MmtTokenizer.END_OF_SONG);
        Score score = SyntheticCorpus.generate(3, 1).get(0);
        int[] ids = mmt.encode(score).ids();
        int beat0 = mmt.fieldOffsets()[1] + 1;
        BitSet late = new BitSet();
        late.set(beat0 + 8, mmt.fieldOffsets()[1] + mmt.fieldSizes()[1]); // beats 8.. (bars 2..)
        int firstLate = -1;
        for (int i = 0; i < ids.length && firstLate < 0; i++) {
            firstLate = late.get(ids[i]) ? i : -1;
        }
        assertTrue(firstLate > 0, "the synthetic piece goes past beat 8");
        GrammarMask mask = GrammarMask.withEndingIds(mmt.grammar(), late, endOfSong);
        assertTrue(mask.allowedNext(Arrays.copyOf(ids, firstLate)).cardinality() > 1);
        BitSet onlyEnd = new BitSet();
        onlyEnd.set(endOfSong);
        assertEquals(onlyEnd, mask.allowedNext(Arrays.copyOf(ids, firstLate + 1)));

        int[] cut = GrammarMask.cutAtFirst(ids, 0, late);
        assertEquals(firstLate, cut.length);
        int[] kept = GrammarMask.trimToEnd(cut, mmt.grammar(), endOfSong);
        assertEquals(firstLate - 1, kept.length, "the note row's type id goes with its beat");
        assertEquals(0, kept.length % 6);
        assertSame(ids, GrammarMask.cutAtFirst(ids, ids.length, late), "nothing at or after 'from'");
    }
}
