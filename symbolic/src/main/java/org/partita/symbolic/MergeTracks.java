package org.partita.symbolic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges several tracks into one. The merged track takes the program and drum flag of the first
 * index listed and the place of the lowest index; other tracks keep their order. Notes, controls and
 * pitch bends are pooled (nothing is de-duplicated; events at one tick keep the order of the index
 * list). Merging drum with melodic tracks is refused.
 */
final class MergeTracks {

    private MergeTracks() {
    }

    static Score merge(Score score, List<Integer> trackIndices, String name) {
        Objects.requireNonNull(name, "name");
        if (trackIndices.isEmpty()) {
            throw new IllegalArgumentException("trackIndices must not be empty");
        }
        int trackCount = score.tracks().size();
        Set<Integer> seen = new HashSet<>();
        List<Track> parts = new ArrayList<>();
        for (Integer index : trackIndices) {
            if (index == null || index < 0 || index >= trackCount) {
                throw new IllegalArgumentException("track index must be in 0.." + (trackCount - 1) + ", got " + index);
            }
            if (!seen.add(index)) {
                throw new IllegalArgumentException("track index listed twice: " + index);
            }
            Track t = score.tracks().get(index);
            Track first = parts.isEmpty() ? t : parts.get(0);
            if (t.isDrum() != first.isDrum()) {
                throw new IllegalArgumentException("cannot merge drum and melodic tracks: track " + index + " '"
                        + t.name() + "' isDrum=" + t.isDrum() + " but track " + trackIndices.get(0) + " '"
                        + first.name() + "' isDrum=" + first.isDrum());
            }
            parts.add(t);
        }
        int lowest = trackIndices.stream().mapToInt(Integer::intValue).min().orElseThrow();
        List<Track> tracks = new ArrayList<>(trackCount - parts.size() + 1);
        for (int i = 0; i < trackCount; i++) {
            if (i == lowest) {
                tracks.add(pool(parts, name));
            } else if (!seen.contains(i)) {
                tracks.add(score.tracks().get(i));
            }
        }
        return score.withTracks(tracks);
    }

    /** One track holding the events of all {@code parts}, with the program and drum flag of the first. */
    static Track pool(List<Track> parts, String name) {
        List<Note> notes = new ArrayList<>();
        List<ControlChange> controls = new ArrayList<>();
        List<PitchBend> bends = new ArrayList<>();
        for (Track t : parts) {
            notes.addAll(t.notes());
            controls.addAll(t.controls());
            bends.addAll(t.pitchBends());
        }
        Track first = parts.get(0);
        return new Track(name, first.program(), first.isDrum(), notes, controls, bends);
    }
}
