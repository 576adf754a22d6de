package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceOrderTest {

    private static final Note G = new Note(0, 480, 67, 90);
    private static final Note C = new Note(0, 960, 60, 90);
    private static final Note E = new Note(0, 240, 64, 90);
    private static final Note LATER = new Note(480, 480, 62, 90);

    @Test
    void aTrackBuiltInSourceOrderKeepsCanonicalNotesAndRemembersTheOrder() {
        Track t = Track.inSourceOrder("t", 0, false, List.of(G, C, E, LATER), List.of(), List.of());
        assertEquals(List.of(C, E, G, LATER), t.notes());
        assertEquals(List.of(G, C, E, LATER), t.notesInSourceOrder());
        // G is canonical note 2, C note 0, E note 1, LATER note 3
        assertEquals(SourceOrder.of(new int[] {2, 0, 1, 3}), t.sourceOrder());
    }

    @Test
    void notesAlreadyInCanonicalOrderGiveTheCanonicalSourceOrder() {
        Track t = Track.inSourceOrder("t", 0, false, List.of(C, E, G), List.of(), List.of());
        assertTrue(t.sourceOrder().isCanonical());
        assertEquals(Track.of("t", 0, false, List.of(C, E, G)), t);
        assertTrue(SourceOrder.of(new int[] {0, 1, 2}).isCanonical());
    }

    @Test
    void tracksThatDifferOnlyInSourceOrderAreNotEqual() {
        Track a = Track.inSourceOrder("t", 0, false, List.of(G, C, E), List.of(), List.of());
        Track b = Track.inSourceOrder("t", 0, false, List.of(E, C, G), List.of(), List.of());
        assertEquals(a.notes(), b.notes());
        assertNotEquals(a, b);
    }

    @Test
    void renamingKeepsTheOrderAndNewNotesResetIt() {
        Track t = Track.inSourceOrder("t", 0, false, List.of(G, C, E), List.of(), List.of());
        assertEquals(t.sourceOrder(), t.withName("u").withProgram(5).sourceOrder());
        assertTrue(t.withNotes(List.of(G, C, E)).sourceOrder().isCanonical());
    }

    @Test
    void anOrderThatIsNotAPermutationIsRefusedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceOrder.of(new int[] {0, 2, 2}));
        assertEquals("source order must be a permutation of 0..2, got 2 at position 2 (repeated)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceOrder.of(new int[] {0, 3, 1}));
    }

    @Test
    void anOrderMustCoverTheTracksNotesGivenInCanonicalOrder() {
        SourceOrder order = SourceOrder.of(new int[] {1, 0});
        assertThrows(IllegalArgumentException.class,
                () -> new Track("t", 0, false, List.of(C, E, G), List.of(), List.of(), order));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Track("t", 0, false, List.of(E, C), List.of(), List.of(), order));
        assertEquals("a source order of 2 notes needs those notes in canonical order, got 2 notes out of order "
                + "(track 't')", e.getMessage());
        assertEquals(List.of(E, C), new Track("t", 0, false, List.of(C, E), List.of(), List.of(), order)
                .notesInSourceOrder());
    }
}
