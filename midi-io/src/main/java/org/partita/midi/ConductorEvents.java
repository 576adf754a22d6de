package org.partita.midi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TextEvent;
import org.partita.symbolic.TimeSignature;

/**
 * The meta events of the conductor track (the first MTrk): tempo, time signature, key signature and
 * the score's texts. Pure; thread-safe.
 *
 * <p>Sorted by tick; at one tick: tempos, then time signatures, then key signatures, then texts,
 * each in the score's order. Texts are encoded as UTF-8.
 */
final class ConductorEvents {

    /** MIDI clocks per metronome click written in every time signature (one quarter note). */
    static final int CLOCKS_PER_CLICK = 24;

    /** Notated 32nd notes per MIDI quarter note (24 MIDI clocks) written in every time signature. */
    static final int THIRTY_SECONDS_PER_QUARTER = 8;

    private ConductorEvents() {
    }

    /** The conductor events of {@code score}, without End of Track. */
    static List<SmfEvent> events(Score score) {
        List<SmfEvent.Meta> out = new ArrayList<>();
        for (TempoChange t : score.tempos()) {
            int us = t.microsPerQuarter();
            out.add(new SmfEvent.Meta(t.tick(), SmfEvent.Meta.TEMPO,
                    new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us}));
        }
        for (TimeSignature m : score.timeSignatures()) {
            out.add(new SmfEvent.Meta(m.tick(), SmfEvent.Meta.TIME_SIGNATURE, new byte[] {
                (byte) m.numerator(), (byte) Integer.numberOfTrailingZeros(m.denominator()),
                (byte) CLOCKS_PER_CLICK, (byte) THIRTY_SECONDS_PER_QUARTER}));
        }
        for (KeySignature k : score.keySignatures()) {
            out.add(new SmfEvent.Meta(k.tick(), SmfEvent.Meta.KEY_SIGNATURE,
                    new byte[] {(byte) k.sharps(), (byte) (k.minor() ? 1 : 0)}));
        }
        for (TextEvent x : score.texts()) {
            out.add(new SmfEvent.Meta(x.tick(), x.kind().metaType(), x.text().getBytes(StandardCharsets.UTF_8)));
        }
        // Stable sort: groups were appended in rank order, each already in tick order.
        out.sort(Comparator.comparingLong(SmfEvent.Meta::tick));
        return List.copyOf(out);
    }
}
