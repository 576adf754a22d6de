package org.partita.midi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partita.symbolic.ControlChange;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchBend;
import org.partita.symbolic.Track;

/**
 * The events of one instrument track chunk, in the order they are written. Pure; thread-safe.
 *
 * <p>Events are sorted by tick; at one tick they go in this order (each group stable):
 * <ol>
 *   <li>track name meta event (tick 0 only);</li>
 *   <li>note-offs of notes with positive duration;</li>
 *   <li>control changes, in the track's order;</li>
 *   <li>the program change (tick 0 only, after the controls so a bank select precedes it);</li>
 *   <li>pitch bends, in the track's order;</li>
 *   <li>note-ons, in the track's {@link Track#sourceOrder() source order} (canonical note order,
 *       pitch then end tick ascending, for tracks not read from a file);</li>
 *   <li>note-offs of zero-duration notes, in the same order.</li>
 * </ol>
 * Why: a reader that pairs a note-off with the earliest open note-on of its (chunk, channel, pitch)
 * (FIFO) then gets every note back exactly, including zero-length notes and a note that starts
 * where another of the same pitch ends, whenever notes of one pitch that start earlier also end no
 * later. (When a same-pitch note lies strictly inside a longer one, FIFO pairing gives the same
 * starts and ends but swaps which end belongs to which start; no byte order can prevent that.)
 * Note-offs come before controls so that a sustain pedal pressed at the tick where a chord ends
 * does not hold that chord; controls and bends still precede the note-ons they should affect.
 * Note-ons follow the source order so that a file read and written again lists the notes of one
 * tick as the original did, which MidiTok's tokens depend on (docs/tokenizers.md). A source order
 * made by the reader keeps FIFO pairing exact: notes of one pitch and start come in it shortest first.
 */
final class TrackEventOrder {

    private static final int RANK_NAME = 0;
    private static final int RANK_NOTE_OFF = 1;
    private static final int RANK_CONTROL = 2;
    private static final int RANK_PROGRAM = 3;
    private static final int RANK_BEND = 4;
    private static final int RANK_NOTE_ON = 5;
    private static final int RANK_ZERO_NOTE_OFF = 6;

    private static final Comparator<Ranked> ORDER = Comparator.comparingLong((Ranked r) -> r.event.tick())
            .thenComparingInt(r -> r.rank)
            .thenComparingInt(r -> r.sequence);

    private TrackEventOrder() {
    }

    /** The events of {@code track} on {@code channel} (0..15), without End of Track. */
    static List<SmfEvent> events(Track track, int channel) {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel must be in 0..15, got " + channel);
        }
        List<Ranked> all = new ArrayList<>(2 * track.notes().size() + track.controls().size()
                + track.pitchBends().size() + 2);
        all.add(new Ranked(new SmfEvent.Meta(0, SmfEvent.Meta.TRACK_NAME,
                track.name().getBytes(StandardCharsets.UTF_8)), RANK_NAME, 0));
        all.add(new Ranked(new SmfEvent.Channel(0, SmfEvent.Channel.PROGRAM_CHANGE | channel,
                track.program(), 0), RANK_PROGRAM, 0));
        int seq = 0;
        for (ControlChange c : track.controls()) {
            all.add(new Ranked(new SmfEvent.Channel(c.tick(), SmfEvent.Channel.CONTROL_CHANGE | channel,
                    c.controller(), c.value()), RANK_CONTROL, seq++));
        }
        for (PitchBend b : track.pitchBends()) {
            int raw = b.value() + 8192;
            all.add(new Ranked(new SmfEvent.Channel(b.tick(), SmfEvent.Channel.PITCH_BEND | channel,
                    raw & 0x7F, raw >> 7), RANK_BEND, seq++));
        }
        for (Note n : track.notesInSourceOrder()) {
            all.add(new Ranked(new SmfEvent.Channel(n.startTick(), SmfEvent.Channel.NOTE_ON | channel,
                    n.pitch(), n.velocity()), RANK_NOTE_ON, seq));
            all.add(new Ranked(new SmfEvent.Channel(n.endTick(), SmfEvent.Channel.NOTE_OFF | channel,
                    n.pitch(), SmfEvent.Channel.NOTE_OFF_VELOCITY),
                    n.durationTicks() > 0 ? RANK_NOTE_OFF : RANK_ZERO_NOTE_OFF, seq));
            seq++;
        }
        all.sort(ORDER);
        List<SmfEvent> out = new ArrayList<>(all.size());
        for (Ranked r : all) {
            out.add(r.event);
        }
        return out;
    }

    private record Ranked(SmfEvent event, int rank, int sequence) {
    }
}
