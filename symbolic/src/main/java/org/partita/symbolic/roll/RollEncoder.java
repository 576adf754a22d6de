package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/** Score → planes. The quantisation rule is documented on {@link PianoRoll}. */
final class RollEncoder {

    private RollEncoder() {
    }

    static PianoRoll encode(Score score, PianoRollConfig config) {
        int tpq = score.ticksPerQuarter();
        int spq = config.stepsPerQuarter();
        List<Track> scoreTracks = score.tracks();
        int trackCount = scoreTracks.size();

        long stepCount = 0;
        for (Track t : scoreTracks) {
            for (Note n : t.notes()) {
                stepCount = Math.max(stepCount, endStep(n, tpq, spq));
            }
        }
        int steps = PianoRoll.checkedStepCount(trackCount, stepCount);
        int cellsPerTrack = steps * PianoRoll.PITCHES;

        byte[] frame = new byte[trackCount * cellsPerTrack];
        byte[] onset = config.has(RollPlane.ONSET) ? new byte[frame.length] : null;
        byte[] offset = config.has(RollPlane.OFFSET) ? new byte[frame.length] : null;
        boolean velocity = config.values() == RollValues.VELOCITY;

        List<RollTrack> tracks = new ArrayList<>(trackCount);
        for (int t = 0; t < trackCount; t++) {
            Track track = scoreTracks.get(t);
            tracks.add(new RollTrack(track.name(), track.program(), track.isDrum()));
            int base = t * cellsPerTrack;
            for (Note n : track.notes()) {
                int start = (int) PianoRoll.stepOfTick(n.startTick(), tpq, spq);
                int end = (int) endStep(n, tpq, spq);
                byte value = (byte) (velocity ? n.velocity() : 1);
                int cell = base + start * PianoRoll.PITCHES + n.pitch();
                if (onset != null) {
                    onset[cell] = max(onset[cell], value);
                }
                for (int s = start; s < end; s++, cell += PianoRoll.PITCHES) {
                    frame[cell] = max(frame[cell], value);
                }
                if (offset != null) {
                    int last = cell - PianoRoll.PITCHES;
                    offset[last] = max(offset[last], value);
                }
            }
        }
        return new PianoRoll(config, tracks, steps, onset, frame, offset,
                tempos(score.tempos(), tpq, spq), meters(score.timeSignatures(), tpq, spq));
    }

    /** {@code max(step(endTick), step(startTick) + 1)}: every note, even a zero-length one, sounds one step. */
    static long endStep(Note n, int tpq, int spq) {
        long start = PianoRoll.stepOfTick(n.startTick(), tpq, spq);
        return Math.max(PianoRoll.stepOfTick(n.endTick(), tpq, spq), start + 1);
    }

    private static byte max(byte a, byte b) {
        return a >= b ? a : b; // values are 0..127, so signed comparison is right
    }

    private static List<TempoChange> tempos(List<TempoChange> tempos, int tpq, int spq) {
        List<TempoChange> out = new ArrayList<>(tempos.size());
        for (TempoChange x : tempos) {
            TempoChange moved = x.withTick(PianoRoll.stepOfTick(x.tick(), tpq, spq));
            if (!out.isEmpty() && out.get(out.size() - 1).tick() == moved.tick()) {
                out.set(out.size() - 1, moved); // the later event at one step is the one in force
            } else {
                out.add(moved);
            }
        }
        return out;
    }

    private static List<TimeSignature> meters(List<TimeSignature> meters, int tpq, int spq) {
        List<TimeSignature> out = new ArrayList<>(meters.size());
        for (TimeSignature x : meters) {
            TimeSignature moved = x.withTick(PianoRoll.stepOfTick(x.tick(), tpq, spq));
            if (!out.isEmpty() && out.get(out.size() - 1).tick() == moved.tick()) {
                out.set(out.size() - 1, moved);
            } else {
                out.add(moved);
            }
        }
        return out;
    }
}
