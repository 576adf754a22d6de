package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partita.symbolic.Note;

/**
 * Planes → notes, one track at a time. A note starts at every onset cell and at every frame cell
 * whose pitch was silent the step before; it lasts while the frame stays on and no new onset comes.
 * Its velocity is the onset cell's value (the frame cell's for a note without onset), or
 * {@link PianoRoll#DEFAULT_VELOCITY} for binary rolls. The offset plane is not consulted.
 */
final class RollDecoder {

    private RollDecoder() {
    }

    /** Notes of track {@code t} with ticks = steps, in no particular order ({@code Track} sorts them). */
    static List<Note> notes(PianoRoll roll, byte[] onset, byte[] frame, int t) {
        List<Note> notes = new ArrayList<>();
        int steps = roll.stepCount();
        int base = t * steps * PianoRoll.PITCHES;
        boolean binary = roll.config().values() == RollValues.BINARY;
        int[] openStart = new int[PianoRoll.PITCHES];
        int[] openVelocity = new int[PianoRoll.PITCHES];
        Arrays.fill(openStart, -1);
        for (int s = 0; s < steps; s++) {
            int row = base + s * PianoRoll.PITCHES;
            for (int p = 0; p < PianoRoll.PITCHES; p++) {
                int f = frame[row + p];
                int o = onset == null ? 0 : onset[row + p];
                if (openStart[p] >= 0 && (f == 0 || o != 0)) {
                    notes.add(new Note(openStart[p], s - openStart[p], p, openVelocity[p]));
                    openStart[p] = -1;
                }
                if (f != 0 && openStart[p] < 0) {
                    openStart[p] = s;
                    openVelocity[p] = binary ? PianoRoll.DEFAULT_VELOCITY : (o != 0 ? o : f);
                }
            }
        }
        for (int p = 0; p < PianoRoll.PITCHES; p++) {
            if (openStart[p] >= 0) {
                notes.add(new Note(openStart[p], steps - openStart[p], p, openVelocity[p]));
            }
        }
        return notes;
    }
}
