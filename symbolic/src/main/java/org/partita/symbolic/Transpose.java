package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shifts the pitch of every melodic note by a number of semitones. Drum tracks are returned
 * unchanged; controls, pitch bends and all score-level events are kept as they are. A note that
 * would leave 0..127 is handled by an {@link OutOfRangePolicy}.
 */
final class Transpose {

    private Transpose() {
    }

    static Score transpose(Score score, int semitones, OutOfRangePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (semitones == 0) {
            return score;
        }
        List<Track> tracks = new ArrayList<>(score.tracks().size());
        for (int i = 0; i < score.tracks().size(); i++) {
            Track t = score.tracks().get(i);
            tracks.add(t.isDrum() ? t : transpose(t, i, semitones, policy));
        }
        return score.withTracks(tracks);
    }

    private static Track transpose(Track track, int trackIndex, int semitones, OutOfRangePolicy policy) {
        List<Note> notes = new ArrayList<>(track.notes().size());
        for (Note n : track.notes()) {
            long pitch = (long) n.pitch() + semitones;
            if (pitch >= 0 && pitch <= 127) {
                notes.add(n.withPitch((int) pitch));
            } else if (policy == OutOfRangePolicy.FAIL) {
                throw new IllegalArgumentException("transposing by " + (semitones > 0 ? "+" : "") + semitones
                        + " moves " + n + " in track " + trackIndex + " '" + track.name() + "' to pitch " + pitch
                        + ", outside 0..127 (OutOfRangePolicy.DROP would drop such notes)");
            }
        }
        return track.withNotes(notes);
    }
}
