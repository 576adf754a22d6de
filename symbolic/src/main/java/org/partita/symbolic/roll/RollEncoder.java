package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * Score → quantised notes, from which the planes are painted on demand ({@link RollNotes}). The
 * quantisation rule is documented on {@link PianoRoll}.
 */
final class RollEncoder {

    private RollEncoder() {
    }

    static PianoRoll encode(Score score, PianoRollConfig config) {
        int tpq = score.ticksPerQuarter();
        int spq = config.stepsPerQuarter();
        List<Track> scoreTracks = score.tracks();
        int trackCount = scoreTracks.size();
        boolean velocity = config.values() == RollValues.VELOCITY;

        // Only the quantised notes are stored; planes are painted from them on demand (RollNotes).
        int[] trackStart = new int[trackCount + 1];
        for (int t = 0; t < trackCount; t++) {
            trackStart[t + 1] = trackStart[t] + scoreTracks.get(t).notes().size();
        }
        int noteCount = trackStart[trackCount];
        int[] startStep = new int[noteCount];
        int[] endStep = new int[noteCount];
        byte[] pitch = new byte[noteCount];
        byte[] value = new byte[noteCount];
        long stepCount = 0;
        List<RollTrack> tracks = new ArrayList<>(trackCount);
        int i = 0;
        for (Track track : scoreTracks) {
            tracks.add(new RollTrack(track.name(), track.program(), track.isDrum()));
            for (Note n : track.notes()) {
                long start = PianoRoll.stepOfTick(n.startTick(), tpq, spq);
                long end = Math.max(PianoRoll.stepOfTick(n.endTick(), tpq, spq), start + 1);
                stepCount = Math.max(stepCount, end);
                startStep[i] = (int) start; // exact once checkedStepCount below has accepted stepCount
                endStep[i] = (int) end;
                pitch[i] = (byte) n.pitch();
                value[i] = (byte) (velocity ? n.velocity() : 1);
                i++;
            }
        }
        int steps = PianoRoll.checkedStepCount(trackCount, stepCount);
        return new PianoRoll(config, tracks, steps, new RollNotes(trackStart, startStep, endStep, pitch, value),
                tempos(score.tempos(), tpq, spq), meters(score.timeSignatures(), tpq, spq));
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
