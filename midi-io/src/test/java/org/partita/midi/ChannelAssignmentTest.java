package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Track;

class ChannelAssignmentTest {

    private static Track melodic(int program) {
        return Track.of("p" + program, program, false, List.of());
    }

    private static Track drums() {
        return Track.of("drums", 0, true, List.of());
    }

    @Test
    void noTracksGiveNoChannels() {
        assertArrayEquals(new int[0], ChannelAssignment.channels(List.of()));
    }

    @Test
    void drumTracksAlwaysGetChannelTen() {
        assertArrayEquals(new int[] {9, 9}, ChannelAssignment.channels(List.of(drums(), drums())));
    }

    @Test
    void upToFifteenMelodicTracksEachGetTheirOwnChannelSkippingTheDrumChannel() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            tracks.add(melodic(0)); // same program still gets separate channels
        }
        tracks.add(2, drums());
        int[] expected = {0, 1, 9, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15};
        assertArrayEquals(expected, ChannelAssignment.channels(tracks));
    }

    @Test
    void beyondFifteenMelodicTracksTracksWithOneProgramShareOneChannel() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tracks.add(melodic(i % 3 == 0 ? 40 : 0)); // programs 40,0,0,40,0,0,...
        }
        int[] channels = ChannelAssignment.channels(tracks);
        for (int i = 0; i < 16; i++) {
            assertEquals(i % 3 == 0 ? 0 : 1, channels[i], "track " + i);
        }
    }

    @Test
    void beyondFifteenDistinctProgramsChannelsAreReusedRoundRobin() {
        List<Track> tracks = new ArrayList<>();
        for (int p = 0; p < 17; p++) {
            tracks.add(melodic(p));
        }
        tracks.add(drums());
        int[] expected = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 0, 1, 9};
        assertArrayEquals(expected, ChannelAssignment.channels(tracks));
    }

    @Test
    void drumTracksDoNotCountTowardsTheFifteenMelodicChannels() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            tracks.add(melodic(5));
            tracks.add(drums());
        }
        int[] channels = ChannelAssignment.channels(tracks);
        for (int i = 0; i < 15; i++) {
            assertEquals(ChannelAssignment.MELODIC_CHANNELS.get(i), channels[2 * i]);
            assertEquals(9, channels[2 * i + 1]);
        }
    }
}
