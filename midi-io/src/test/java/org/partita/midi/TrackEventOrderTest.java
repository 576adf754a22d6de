package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.ControlChange;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchBend;
import org.partita.symbolic.Track;

/** Event order within one track chunk, checked on the pure event list (no bytes). */
class TrackEventOrderTest {

    /** Events as "tick:STATUS d1 d2" strings, without the track name meta event. */
    private static List<String> channelEvents(Track track, int channel) {
        return TrackEventOrder.events(track, channel).stream()
                .filter(e -> e instanceof SmfEvent.Channel)
                .map(Object::toString)
                .collect(Collectors.toList());
    }

    @Test
    void startsWithTrackNameThenProgramChangeAtTickZero() {
        List<SmfEvent> events = TrackEventOrder.events(Track.of("Flute", 73, false, List.of()), 4);
        assertEquals(2, events.size());
        SmfEvent.Meta name = (SmfEvent.Meta) events.get(0);
        assertEquals(SmfEvent.Meta.TRACK_NAME, name.type());
        assertEquals("Flute", new String(name.payload(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("0:C4 73 0", events.get(1).toString());
    }

    @Test
    void noteEndingWhereASamePitchNoteStartsIsReleasedFirst() {
        Track t = Track.of("t", 0, false, List.of(new Note(0, 10, 60, 90), new Note(10, 5, 60, 80)));
        assertEquals(List.of("0:C0 0 0", "0:90 60 90", "10:80 60 64", "10:90 60 80", "15:80 60 64"),
                channelEvents(t, 0));
    }

    @Test
    void sameStartSamePitchNotesAreStartedInOrderOfEndTick() {
        // Given longest first; the note-ons must still go shortest first so FIFO pairing matches.
        Track t = Track.of("t", 0, false, List.of(new Note(0, 30, 60, 100), new Note(0, 10, 60, 50)));
        assertEquals(List.of("0:C1 0 0", "0:91 60 50", "0:91 60 100", "10:81 60 64", "30:81 60 64"),
                channelEvents(t, 1));
    }

    @Test
    void zeroDurationNoteIsReleasedAfterEveryNoteOnOfItsTick() {
        Track t = Track.of("t", 0, false, List.of(
                new Note(0, 4, 62, 70), new Note(4, 0, 62, 60), new Note(4, 8, 62, 50)));
        assertEquals(List.of("0:C0 0 0", "0:90 62 70",
                        "4:80 62 64", "4:90 62 60", "4:90 62 50", "4:80 62 64",
                        "12:80 62 64"),
                channelEvents(t, 0));
    }

    @Test
    void controlsAndBendsComeAfterEndingNotesAndBeforeStartingNotes() {
        Track t = new Track("t", 5, false,
                List.of(new Note(0, 8, 60, 90), new Note(8, 8, 64, 90)),
                List.of(new ControlChange(8, ControlChange.SUSTAIN_PEDAL, 127), new ControlChange(0, 0, 1)),
                List.of(new PitchBend(8, -8192), new PitchBend(16, 8191)));
        assertEquals(List.of(
                        "0:B2 0 1", "0:C2 5 0", "0:92 60 90",
                        "8:82 60 64", "8:B2 64 127", "8:E2 0 0", "8:92 64 90",
                        "16:82 64 64", "16:E2 127 127"),
                channelEvents(t, 2));
    }

    @Test
    void pitchBendCentreIsEncodedAs0x2000() {
        Track t = new Track("t", 0, false, List.of(), List.of(), List.of(new PitchBend(0, 0)));
        assertEquals("0:E0 0 64", channelEvents(t, 0).get(1));
    }

    @Test
    void controlsAtOneTickKeepTheirTrackOrder() {
        Track t = new Track("t", 0, false, List.of(),
                List.of(new ControlChange(3, 7, 100), new ControlChange(3, 7, 20), new ControlChange(3, 7, 60)),
                List.of());
        assertEquals(List.of("0:C0 0 0", "3:B0 7 100", "3:B0 7 20", "3:B0 7 60"), channelEvents(t, 0));
    }

    @Test
    void refusesAChannelOutsideZeroToFifteenNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrackEventOrder.events(Track.of("t", 0, false, List.of()), 16));
        assertEquals("channel must be in 0..15, got 16", e.getMessage());
    }
}
