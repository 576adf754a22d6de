package org.partita.midi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partita.symbolic.Track;

/**
 * Chooses the MIDI channel (0-based, 0..15) each track of a score is written on. A pure function of
 * the tracks' drum flags and programs; stateless and thread-safe.
 *
 * <p>Rules:
 * <ol>
 *   <li>Drum tracks always get channel index 9 (General MIDI channel 10), however many there are.</li>
 *   <li>If there are at most 15 melodic tracks, each gets a channel of its own, in track order, from
 *       {@link #MELODIC_CHANNELS} (0..8, then 10..15). Pitch bends, pedals and same-pitch notes of
 *       one track then never disturb another on a synthesizer.</li>
 *   <li>With more than 15 melodic tracks, channels go by program instead: each distinct program, in
 *       order of first appearance, gets the next channel of {@link #MELODIC_CHANNELS}, shared by all
 *       tracks with that program. Beyond 15 distinct programs the channels are reused round-robin:
 *       the 16th program shares the 1st program's channel, the 17th the 2nd's, and so on.</li>
 * </ol>
 *
 * <p>Consequence of rule 3 past 15 programs: a plain synthesizer has one program per channel, so
 * the tracks sharing a channel all sound with whichever program change it processes last at tick 0
 * (normally the later track's). The file still holds every track's own program change in its own
 * MTrk chunk, so a reader that builds one track per chunk (as {@link MidiReader} is specified to) recovers each
 * track's program, notes, controls and bends exactly.
 */
public final class ChannelAssignment {

    /** Channel index of General MIDI percussion (channel 10 counted from 1). */
    public static final int DRUM_CHANNEL = 9;

    /** The 15 channels melodic tracks use, in the order they are handed out. */
    public static final List<Integer> MELODIC_CHANNELS =
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15);

    private ChannelAssignment() {
    }

    /**
     * The channel of each track, index for index.
     *
     * @return a new array with {@code tracks.size()} channels, each in 0..15
     */
    public static int[] channels(List<Track> tracks) {
        int melodicCount = 0;
        for (Track t : tracks) {
            if (!t.isDrum()) {
                melodicCount++;
            }
        }
        boolean byProgram = melodicCount > MELODIC_CHANNELS.size();
        Map<Integer, Integer> channelOfProgram = new LinkedHashMap<>();
        int[] channels = new int[tracks.size()];
        int nextMelodic = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            if (t.isDrum()) {
                channels[i] = DRUM_CHANNEL;
            } else if (!byProgram) {
                channels[i] = MELODIC_CHANNELS.get(nextMelodic++);
            } else {
                int order = channelOfProgram.size();
                channels[i] = channelOfProgram.computeIfAbsent(t.program(),
                        p -> MELODIC_CHANNELS.get(order % MELODIC_CHANNELS.size()));
            }
        }
        return channels;
    }
}
