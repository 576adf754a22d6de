package org.partita.midi.render;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/** Synthetic pieces for drawing tests. */
final class RenderScores {

    private RenderScores() {
    }

    /**
     * Three pitched tracks and drums over {@code bars} bars of 4/4 at 24 ticks per quarter, a meter
     * change to 3/4 at bar 5: an arpeggio, a held bass with repeated notes, chords, and a beat.
     */
    static Score band(int bars) {
        List<Note> arpeggio = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        List<Note> chords = new ArrayList<>();
        List<Note> drums = new ArrayList<>();
        int[] shape = {0, 4, 7, 12, 7, 4};
        for (int q = 0; q < bars * 4; q++) {
            long t = q * 24L;
            arpeggio.add(new Note(t, 12, 72 + shape[q % shape.length], 60 + (q % 4) * 15));
            arpeggio.add(new Note(t + 12, 12, 72 + shape[(q + 3) % shape.length], 50));
            bass.add(new Note(t, 24, q % 8 < 4 ? 36 : 43, 100)); // repeated quarter notes, same pitch
            drums.add(new Note(t, 6, q % 2 == 0 ? 36 : 38, 110));
            drums.add(new Note(t + 12, 6, 42, 70));
            if (q % 4 == 0) {
                for (int p : new int[] {60, 64, 67}) {
                    chords.add(new Note(t, 90, p + (q / 4 % 2) * 5, 80));
                }
            }
        }
        return new Score(24, List.of(Track.of("Arpeggio", 0, false, arpeggio), Track.of("Bass", 33, false, bass),
                Track.of("Strings <&>", 48, false, chords), Track.of("Kit", 0, true, drums)),
                List.of(), List.of(new TimeSignature(0, 4, 4), new TimeSignature(24 * 16, 3, 4)), List.of(), List.of());
    }
}
