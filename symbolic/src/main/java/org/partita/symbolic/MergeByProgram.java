package org.partita.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges tracks that share (program, isDrum), as MidiTok does before tokenizing with one track per
 * program. Groups appear in the order of their first track and take that track's name; a track that
 * shares its program with no other is returned unchanged.
 */
final class MergeByProgram {

    private MergeByProgram() {
    }

    private record Key(int program, boolean isDrum) {
    }

    static Score merge(Score score) {
        Map<Key, List<Track>> groups = new LinkedHashMap<>();
        for (Track t : score.tracks()) {
            groups.computeIfAbsent(new Key(t.program(), t.isDrum()), k -> new ArrayList<>()).add(t);
        }
        if (groups.size() == score.tracks().size()) {
            return score;
        }
        List<Track> tracks = new ArrayList<>(groups.size());
        for (List<Track> group : groups.values()) {
            tracks.add(group.size() == 1 ? group.get(0) : MergeTracks.pool(group, group.get(0).name()));
        }
        return score.withTracks(tracks);
    }
}
