package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.GrammarState;
import org.partita.tokenizers.ScoreDifference;
import org.partita.tokenizers.Vocabulary;

class RemiGrammarTest {

    private final RemiTokenizer tok = RemiTokenizer.of(RemiConfig.defaults());
    private final Vocabulary v = tok.vocabulary();

    private int[] ids(String... tokens) {
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = v.id(tokens[i]);
        }
        return out;
    }

    @Test
    void anEncodedScoreIsValidAndDecodesToItsQuantisedForm() {
        Score s = new Score(480, List.of(Track.of("p", 0, false, List.of(new Note(0, 480, 60, 80), new Note(720, 240, 64, 90))),
                Track.of("d", 0, true, List.of(new Note(480, 60, 36, 100)))), List.of(new TempoChange(0, 500_000)),
                List.of(new TimeSignature(0, 3, 4)), List.of(), List.of());
        int[] ids = tok.encode(s).ids();
        assertEquals(0.0, tok.grammar().errorRate(ids));
        assertEquals(null, ScoreDifference.of(tok.quantise(s), tok.decode(ids).score()));
    }

    @Test
    void positionsMayNotGoBackWithinABar() {
        GrammarState s = tok.grammar().start();
        for (int id : ids("Bar_None", "TimeSig_4/4", "Position_8", "Program_0", "Pitch_60", "Velocity_63", "Duration_1.0.8")) {
            assertTrue(s.allows(id), v.token(id));
            s = s.next(id);
        }
        assertFalse(s.allows(v.id("Position_4")));
        assertTrue(s.allows(v.id("Position_9")));
        assertFalse(s.allows(v.id("Position_32")), "4/4 has 32 positions");
    }

    @Test
    void aDrumProgramIsFollowedByPitchDrumOnly() {
        GrammarState s = tok.grammar().start();
        for (int id : ids("Bar_None", "TimeSig_4/4", "Position_0", "Program_-1")) {
            s = s.next(id);
        }
        assertTrue(s.allows(v.id("PitchDrum_36")));
        assertFalse(s.allows(v.id("Pitch_60")));
    }

    @Test
    void errorRateCountsInvalidSuccessions() {
        int[] bad = ids("Bar_None", "Pitch_60", "TimeSig_4/4", "Position_0");
        // Pitch is invalid after Bar; TimeSig is then invalid after a Pitch (a Velocity must come);
        // Position after TimeSig is fine again: 2 of 4.
        assertEquals(0.5, tok.grammar().errorRate(bad));
    }
}
