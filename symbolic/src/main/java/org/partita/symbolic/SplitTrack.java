package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one track by pitch, for example a piano part into hands: notes with
 * {@code pitch < splitPitch} go to {@code "<name> (low)"}, the others to {@code "<name> (high)"}.
 * The high part takes the track's place and the low part follows it (treble above bass, as on a grand
 * staff). Both parts keep the program and drum flag and get all of the track's controls and pitch
 * bends (a sustain pedal applies to both hands). A part without notes is dropped; a track without
 * notes is left as it is.
 */
final class SplitTrack {

    private SplitTrack() {
    }

    static Score split(Score score, int trackIndex, int splitPitch) {
        int trackCount = score.tracks().size();
        if (trackIndex < 0 || trackIndex >= trackCount) {
            throw new IllegalArgumentException("track index must be in 0.." + (trackCount - 1) + ", got " + trackIndex);
        }
        if (splitPitch < 0 || splitPitch > 128) {
            throw new IllegalArgumentException("splitPitch must be in 0..128, got " + splitPitch);
        }
        Track t = score.tracks().get(trackIndex);
        List<Note> low = new ArrayList<>();
        List<Note> high = new ArrayList<>();
        for (Note n : t.notes()) {
            (n.pitch() < splitPitch ? low : high).add(n);
        }
        if (t.notes().isEmpty()) {
            return score;
        }
        List<Track> tracks = new ArrayList<>(trackCount + 1);
        tracks.addAll(score.tracks().subList(0, trackIndex));
        if (!high.isEmpty()) {
            tracks.add(new Track(t.name() + " (high)", t.program(), t.isDrum(), high, t.controls(), t.pitchBends()));
        }
        if (!low.isEmpty()) {
            tracks.add(new Track(t.name() + " (low)", t.program(), t.isDrum(), low, t.controls(), t.pitchBends()));
        }
        tracks.addAll(score.tracks().subList(trackIndex + 1, trackCount));
        return score.withTracks(tracks);
    }
}
