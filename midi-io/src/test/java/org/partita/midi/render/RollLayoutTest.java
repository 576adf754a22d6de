package org.partita.midi.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.roll.RollTrack;

class RollLayoutTest {

    private static PianoRoll roll(long quarters, int low, int high) {
        return PianoRoll.from(Score.empty(24).withTracks(List.of(Track.of("a", 0, false,
                List.of(new Note(0, 24, low, 80), new Note(quarters * 24 - 24, 24, high, 80))))));
    }

    @Test
    void shortPieceGetsThePreferredWidthPerQuarterAboveTheMinimum() {
        RollLayout layout = new RollLayout(roll(200, 60, 72), RenderOptions.defaults());
        assertEquals(200 * 12, layout.plotWidth);
        assertFalse(layout.compressed);
        assertEquals(0.5, layout.pixelsPerStep, 1e-9);
    }

    @Test
    void longPieceIsCompressedToTheMaximumWidthAndSaysSo() {
        RollLayout layout = new RollLayout(roll(2000, 60, 72), RenderOptions.defaults());
        assertEquals(2400, layout.plotWidth);
        assertTrue(layout.compressed);
        assertTrue(layout.subtitle.contains("time compressed to fit: 1 px = 20.00 steps"), layout.subtitle);
    }

    @Test
    void tinyPieceIsWidenedToTheMinimum() {
        RollLayout layout = new RollLayout(roll(2, 60, 72), RenderOptions.defaults());
        assertEquals(RollLayout.MIN_PLOT_WIDTH_PX, layout.plotWidth);
    }

    @Test
    void pitchAxisIsCroppedToTheNotesPlusTheMargin() {
        RollLayout layout = new RollLayout(roll(8, 50, 70), RenderOptions.defaults().withPitchMarginSemitones(3));
        assertEquals(47, layout.lowestPitch);
        assertEquals(73, layout.highestPitch);
        assertEquals(layout.plotY, layout.y(73));
        assertEquals(layout.plotY + layout.plotHeight - layout.rowHeight, layout.y(47));
    }

    @Test
    void marginStopsAtTheMidiRange() {
        RollLayout layout = new RollLayout(roll(8, 0, 127), RenderOptions.defaults());
        assertEquals(0, layout.lowestPitch);
        assertEquals(127, layout.highestPitch);
        assertEquals(4, layout.rowHeight); // 480 / 128 rounds to 4
    }

    @Test
    void rowsStayBetweenThreeAndFourteenPixels() {
        assertEquals(14, new RollLayout(roll(8, 60, 60), RenderOptions.defaults()).rowHeight);
        assertEquals(3, new RollLayout(roll(8, 0, 127), RenderOptions.defaults().withPlotHeightPx(100)).rowHeight);
    }

    @Test
    void legendWrapsInsideTheImage() {
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            tracks.add(Track.of("Track with a long name " + t, t * 8, false, List.of(new Note(0, 24, 60, 80))));
        }
        RollLayout layout = new RollLayout(PianoRoll.from(Score.empty(24).withTracks(tracks)), RenderOptions.defaults());
        assertEquals(12, layout.legend.size());
        assertTrue(layout.legend.get(11).y() > layout.legend.get(0).y(), "wrapped to a second row");
        assertTrue(layout.legend.stream().allMatch(e -> e.x() < layout.width), "every entry starts inside");
        assertTrue(layout.plotY > layout.legend.get(11).y());
    }

    @Test
    void labelsNameTrackAndGmProgramOrDrumKit() {
        assertEquals("Lead · Flute (73)", RollLayout.label(new RollTrack("Lead", 73, false), 0));
        assertEquals("Track 3 · drum kit 0", RollLayout.label(new RollTrack(" ", 0, true), 2));
    }

    @Test
    void optionsOutOfRangeAreRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RenderOptions.defaults().withMaxPlotWidthPx(50));
        assertTrue(e.getMessage().contains("maxPlotWidthPx") && e.getMessage().contains("got 50"), e.getMessage());
    }
}
