package org.partita.training.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.attention.TokenAttributes;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;

class TokenAttributeMapperTest {

    @ParameterizedTest
    @ValueSource(strings = {"REMI", "TSD", "MMT"})
    void noteTokensCarryTheirNotesPitchAndOtherTokensOnlyTime(String name) {
        Tokenizer tok = TokenizerRegistry.standard().createDefault(name);
        TokenAttributeMapper mapper = new TokenAttributeMapper(tok);
        for (Score score : SyntheticCorpus.generate(11, 3)) {
            int[] ids = tok.encode(score).ids();
            int count = Math.min(ids.length, 300);
            TokenAttributes a = mapper.attributes(ids, count);
            int[] note = a.note();
            int[] pitch = a.pitch();
            int[] beat = a.beat();
            int[] bar = a.bar();
            int[] program = a.program();
            Map<Integer, Integer> pitchOfNote = new HashMap<>();
            int pitchTokens = 0;
            for (int i = 0; i < count; i++) {
                String t = tok.vocabulary().token(ids[i]);
                if (note[i] < 0) {
                    assertEquals(TokenAttributes.ABSENT, pitch[i], name + " token " + i + " " + t);
                    assertEquals(TokenAttributes.ABSENT, program[i], name + " token " + i + " " + t);
                } else {
                    // every token of a note has the same pitch
                    Integer p = pitchOfNote.putIfAbsent(note[i], pitch[i]);
                    assertTrue(p == null || p == pitch[i], name + " token " + i + " " + t);
                    assertTrue(program[i] >= -1, name + " token " + i);
                }
                if (t.startsWith("Pitch_") || t.startsWith("PitchDrum_")) {
                    pitchTokens++;
                    assertEquals(Integer.parseInt(t.substring(t.indexOf('_') + 1)), pitch[i], name + " token " + i + " " + t);
                }
                assertTrue(beat[i] != TokenAttributes.ABSENT && bar[i] != TokenAttributes.ABSENT, name + " token " + i);
                if (i > 0) {
                    assertTrue(beat[i] >= beat[i - 1] || name.equals("MMT"), name + " beats go forward at token " + i);
                }
            }
            assertTrue(pitchTokens > 10 || name.equals("MMT"), name + ": pitch tokens " + pitchTokens);
            assertTrue(pitchOfNote.size() > 10, name + ": notes " + pitchOfNote.size());
            // --pitch-tokens keeps exactly the Pitch tokens as units
            TokenAttributes kept = a.keepOnly(mapper.pitchTokens(ids, count));
            long units = java.util.Arrays.stream(kept.beat()).filter(b -> b != TokenAttributes.ABSENT).count();
            assertEquals(pitchTokens, units, name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"REMI"})
    void beatsFollowTheBarsInFourFour(String name) {
        Tokenizer tok = TokenizerRegistry.standard().createDefault(name);
        Score score = SyntheticCorpus.generate(5, 1).get(0);
        int[] ids = tok.encode(score).ids();
        TokenAttributes a = new TokenAttributeMapper(tok).attributes(ids, ids.length);
        List<String> tokens = java.util.Arrays.stream(ids).mapToObj(id -> tok.vocabulary().token(id)).toList();
        int[] beat = a.beat();
        int[] bar = a.bar();
        for (int i = 0; i < ids.length; i++) {
            if (tokens.get(i).startsWith("Bar")) {
                assertEquals(4 * bar[i], beat[i], "token " + i + " " + tokens.get(i) + " (synthetic pieces are in 4/4)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"REMI"})
    void notesOfOneOnsetInAnotherOrderAreMatchedNoteByNote(String name) {
        // Multitrack files can list the notes of one onset in another order than the encoder writes them;
        // simulate it by swapping two whole notes of one onset, which decodes to the same music.
        Tokenizer tok = TokenizerRegistry.standard().createDefault(name);
        TokenAttributeMapper mapper = new TokenAttributeMapper(tok);
        Score score = SyntheticCorpus.generate(3, 1).get(0);
        org.partita.tokenizers.TokenSequence seq = tok.encode(score);
        int[] ids = seq.ids();
        int first = -1;
        for (int i = 1; i + 1 < ids.length && first < 0; i++) {
            // two consecutive notes: note tokens of one note, then of the next, with different pitches
            if (seq.noteIndex(i) >= 0 && seq.noteIndex(i - 1) >= 0 && seq.noteIndex(i) != seq.noteIndex(i - 1)
                    && tok.vocabulary().token(ids[i]).startsWith("Program")) {
                first = i;
            }
        }
        assertTrue(first > 0, "no onset with two notes in the synthetic piece");
        int aStart = first - 1;
        while (aStart > 0 && seq.noteIndex(aStart - 1) == seq.noteIndex(first - 1)) {
            aStart--;
        }
        int bEnd = first;
        while (bEnd < ids.length && seq.noteIndex(bEnd) == seq.noteIndex(first)) {
            bEnd++;
        }
        int[] swapped = ids.clone();
        int bLen = bEnd - first;
        System.arraycopy(ids, first, swapped, aStart, bLen);
        System.arraycopy(ids, aStart, swapped, aStart + bLen, first - aStart);
        assertTrue(!java.util.Arrays.equals(tok.encode(tok.decode(swapped).score()).ids(), swapped),
                "the encoder must put the swapped notes back, else this test checks nothing");
        TokenAttributes plain = mapper.attributes(ids, ids.length);
        TokenAttributes moved = mapper.attributes(swapped, swapped.length);
        // the pitch of every token of the moved notes moved with it
        for (int k = 0; k < bLen; k++) {
            assertEquals(plain.pitch()[first + k], moved.pitch()[aStart + k], "token " + (aStart + k));
            // note ids are labels (numbered by the decoded score's tracks): one id per note, two notes two ids
            assertEquals(moved.note()[aStart], moved.note()[aStart + k], "token " + (aStart + k));
        }
        for (int k = 0; k < first - aStart; k++) {
            assertEquals(plain.pitch()[aStart + k], moved.pitch()[aStart + bLen + k], "token " + (aStart + bLen + k));
            assertTrue(moved.note()[aStart + bLen + k] != moved.note()[aStart], "token " + (aStart + bLen + k));
        }
        assertEquals(java.util.Arrays.stream(plain.pitch()).boxed().toList().subList(bEnd, ids.length),
                java.util.Arrays.stream(moved.pitch()).boxed().toList().subList(bEnd, ids.length));
    }
}
