package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;

/**
 * Pad, trim and transpose; the rules are documented on {@link PianoRoll}. Padding and transposing a
 * roll stored as notes move the notes (the planes of moved notes are the moved planes); trimming, and
 * any edit of a roll stored as planes, works on the dense planes.
 */
final class RollEdits {

    private static final int P = PianoRoll.PITCHES;

    private RollEdits() {
    }

    /** Exactly one of {@code notes} and {@code planes} is given: the roll's storage. */
    static PianoRoll padded(PianoRoll roll, RollNotes notes, byte[][] planes, int before, int after) {
        int oldSteps = roll.stepCount();
        int tracks = roll.trackCount();
        int steps = PianoRoll.checkedStepCount(tracks, (long) oldSteps + before + after);
        byte[][] out = new byte[3][];
        for (int i = 0; planes != null && i < 3; i++) {
            if (planes[i] == null) {
                continue;
            }
            out[i] = new byte[tracks * steps * P];
            for (int t = 0; t < tracks; t++) {
                System.arraycopy(planes[i], t * oldSteps * P, out[i], (t * steps + before) * P, oldSteps * P);
            }
        }
        List<TempoChange> tempos = new ArrayList<>();
        List<TimeSignature> meters = new ArrayList<>();
        if (before > 0) {
            // What is in force at step 0 also covers the padding; the music's own events stay at `before`.
            if (!roll.tempos().isEmpty() && roll.tempos().get(0).tick() == 0) {
                tempos.add(roll.tempos().get(0));
            }
            TimeSignature first = roll.timeSignatures().isEmpty() || roll.timeSignatures().get(0).tick() > 0
                    ? TimeSignature.DEFAULT : roll.timeSignatures().get(0);
            meters.add(first.withTick(0));
            if (roll.timeSignatures().isEmpty() || roll.timeSignatures().get(0).tick() > 0) {
                meters.add(first.withTick(before)); // keep the music's first bar starting where it did
            }
        }
        for (TempoChange x : roll.tempos()) {
            tempos.add(x.withTick(x.tick() + before));
        }
        for (TimeSignature x : roll.timeSignatures()) {
            meters.add(x.withTick(x.tick() + before));
        }
        if (notes != null) {
            return new PianoRoll(roll.config(), roll.tracks(), steps, notes.shifted(before), tempos, meters);
        }
        return new PianoRoll(roll.config(), roll.tracks(), steps, out[0], out[1], out[2], tempos, meters);
    }

    static PianoRoll trimmed(PianoRoll roll, byte[][] planes, int from, int to) {
        int oldSteps = roll.stepCount();
        int tracks = roll.trackCount();
        int steps = to - from;
        byte[][] out = new byte[3][];
        for (int i = 0; i < 3; i++) {
            if (planes[i] == null) {
                continue;
            }
            out[i] = new byte[tracks * steps * P];
            for (int t = 0; t < tracks; t++) {
                System.arraycopy(planes[i], (t * oldSteps + from) * P, out[i], t * steps * P, steps * P);
            }
        }
        byte[] onset = out[RollPlane.ONSET.ordinal()];
        byte[] frame = out[RollPlane.FRAME.ordinal()];
        byte[] offset = out[RollPlane.OFFSET.ordinal()];
        if (steps > 0) {
            for (int t = 0; t < tracks; t++) {
                int first = t * steps * P;
                int last = (t * steps + steps - 1) * P;
                for (int p = 0; p < P; p++) {
                    // A frame with no onset at step 0 is a note cut by the trim: it starts here now.
                    if (onset != null && frame[first + p] != 0 && onset[first + p] == 0) {
                        onset[first + p] = frame[first + p];
                    }
                    // Likewise a note still sounding at the last step without an offset ends here now.
                    if (offset != null && frame[last + p] != 0 && offset[last + p] == 0) {
                        offset[last + p] = frame[last + p];
                    }
                }
            }
        }
        return new PianoRoll(roll.config(), roll.tracks(), steps, onset, frame, offset,
                cutTempos(roll.tempos(), from, to), cutMeters(roll.timeSignatures(), from, to));
    }

    private static List<TempoChange> cutTempos(List<TempoChange> tempos, int from, int to) {
        List<TempoChange> out = new ArrayList<>();
        TempoChange inForce = null;
        for (TempoChange x : tempos) {
            if (x.tick() <= from) {
                inForce = x;
            } else if (x.tick() < to) {
                out.add(x.withTick(x.tick() - from));
            }
        }
        if (inForce != null) {
            out.add(0, inForce.withTick(0));
        }
        return out;
    }

    private static List<TimeSignature> cutMeters(List<TimeSignature> meters, int from, int to) {
        List<TimeSignature> out = new ArrayList<>();
        TimeSignature inForce = null;
        for (TimeSignature x : meters) {
            if (x.tick() <= from) {
                inForce = x;
            } else if (x.tick() < to) {
                out.add(x.withTick(x.tick() - from));
            }
        }
        if (inForce != null) {
            out.add(0, inForce.withTick(0));
        }
        return out;
    }

    /** Exactly one of {@code notes} and {@code planes} is given: the roll's storage. */
    static PianoRoll transposed(PianoRoll roll, RollNotes notes, byte[][] planes, int semitones) {
        if (notes != null) {
            boolean[] drums = new boolean[roll.trackCount()];
            for (int t = 0; t < drums.length; t++) {
                drums[t] = roll.tracks().get(t).isDrum();
            }
            int bad = notes.firstOutOfRange(semitones, drums);
            if (bad >= 0) {
                throw outOfRange(roll, semitones, notes.trackOf(bad), notes.pitch[bad]);
            }
            return new PianoRoll(roll.config(), roll.tracks(), roll.stepCount(), notes.transposed(semitones, drums),
                    roll.tempos(), roll.timeSignatures());
        }
        int steps = roll.stepCount();
        byte[] frame = planes[RollPlane.FRAME.ordinal()];
        for (int t = 0; t < roll.trackCount(); t++) {
            if (roll.tracks().get(t).isDrum() || semitones == 0) {
                continue;
            }
            int base = t * steps * P;
            for (int c = base; c < base + steps * P; c++) {
                int target = (c & (P - 1)) + semitones;
                if (frame[c] != 0 && (target < 0 || target >= P)) {
                    throw outOfRange(roll, semitones, t, c & (P - 1));
                }
            }
        }
        byte[][] out = new byte[3][];
        for (int i = 0; i < 3; i++) {
            if (planes[i] == null) {
                continue;
            }
            out[i] = planes[i].clone();
            for (int t = 0; t < roll.trackCount(); t++) {
                if (roll.tracks().get(t).isDrum() || semitones == 0) {
                    continue;
                }
                for (int s = 0; s < steps; s++) {
                    int row = (t * steps + s) * P;
                    Arrays.fill(out[i], row, row + P, (byte) 0);
                    int lo = Math.max(0, -semitones);
                    int hi = Math.min(P, P - semitones);
                    if (lo < hi) {
                        System.arraycopy(planes[i], row + lo, out[i], row + lo + semitones, hi - lo);
                    }
                }
            }
        }
        return new PianoRoll(roll.config(), roll.tracks(), steps, out[0], out[1], out[2], roll.tempos(),
                roll.timeSignatures());
    }

    private static IllegalArgumentException outOfRange(PianoRoll roll, int semitones, int track, int pitch) {
        return new IllegalArgumentException("transposing by " + semitones + " semitones would move pitch " + pitch
                + " of track " + track + " ('" + roll.tracks().get(track).name() + "') to " + (pitch + semitones)
                + ", outside 0..127");
    }
}
