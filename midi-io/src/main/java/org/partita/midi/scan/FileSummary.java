package org.partita.midi.scan;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.partita.midi.ReadResult;
import org.partita.midi.Repair;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * What one MIDI file holds, in a few numbers. Immutable.
 *
 * @param path            the file, as found
 * @param format          SMF format from the header (0, 1 or 2)
 * @param ticksPerQuarter resolution of the score read (SMPTE divisions already converted)
 * @param tracks          number of tracks in the score
 * @param notes           number of notes over all tracks
 * @param programs        distinct General MIDI programs of the non-drum tracks that have notes, ascending
 * @param hasDrums        whether a drum track (channel 10) has notes
 * @param durationSeconds length up to the end of the last event, through the tempo map
 * @param tempoChanges    number of tempo events
 * @param meterChanges    number of time-signature events
 * @param repairs         number of repairs the reader made (0 when read strictly)
 * @param repairKinds     repairs counted by kind; only kinds that occurred
 */
public record FileSummary(Path path, int format, int ticksPerQuarter, int tracks, int notes,
                          List<Integer> programs, boolean hasDrums, double durationSeconds,
                          int tempoChanges, int meterChanges, int repairs,
                          Map<Repair.Kind, Integer> repairKinds) implements FileOutcome {

    public FileSummary {
        Objects.requireNonNull(path, "path");
        programs = List.copyOf(programs);
        EnumMap<Repair.Kind, Integer> kinds = new EnumMap<>(Repair.Kind.class);
        kinds.putAll(repairKinds);
        kinds.values().removeIf(n -> n == 0);
        repairKinds = java.util.Collections.unmodifiableMap(kinds);
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds must be >= 0 and finite, got " + durationSeconds
                    + " (" + path + ")");
        }
    }

    /** Summarises what the reader returned for {@code path}. */
    public static FileSummary of(Path path, ReadResult result) {
        Score score = result.score();
        TreeSet<Integer> programs = new TreeSet<>();
        boolean drums = false;
        for (Track track : score.tracks()) {
            if (track.notes().isEmpty()) {
                continue; // a conductor or text-only track says nothing about instruments
            }
            if (track.isDrum()) {
                drums = true;
            } else {
                programs.add(track.program());
            }
        }
        return new FileSummary(path, result.report().format(), score.ticksPerQuarter(), score.tracks().size(),
                score.noteCount(), List.copyOf(programs), drums, score.durationSeconds(), score.tempos().size(),
                score.timeSignatures().size(), result.report().totalRepairs(), result.report().repairCounts());
    }
}
