package org.partita.midi.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.symbolic.roll.PianoRoll;

class PianoRollPngTest {

    @Test
    void drawingRunsHeadless() {
        PianoRollPng.toImage(PianoRoll.from(RenderScores.band(2)), RenderOptions.defaults());
        assertEquals("true", System.getProperty("java.awt.headless"));
    }

    @Test
    void pngDecodesAtTheLayoutsSize() throws IOException {
        PianoRoll roll = PianoRoll.from(RenderScores.band(8));
        RenderOptions options = RenderOptions.defaults().withTitle("band");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(PianoRollPng.toPng(roll, options)));
        RollLayout layout = new RollLayout(roll, options);
        assertEquals(layout.width, png.getWidth());
        assertEquals(layout.height, png.getHeight());
    }

    @Test
    void aNoteIsFilledWithItsTracksColourWhereItSounds() {
        // One loud note of the first track: fully opaque fill of Tableau blue, white row elsewhere.
        Score score = Score.empty(24).withTracks(List.of(Track.of("a", 0, false,
                List.of(new Note(24, 48, 64, 127), new Note(0, 1, 60, 1)))));
        PianoRoll roll = PianoRoll.from(score);
        RollLayout layout = new RollLayout(roll, RenderOptions.defaults());
        BufferedImage image = PianoRollPng.toImage(roll, RenderOptions.defaults());
        int y = layout.y(64) + layout.rowHeight / 2;
        int inside = (int) layout.x(48);
        assertEquals(new Color(0x1f77b4), new Color(image.getRGB(inside, y)));
        int afterNote = (int) layout.x(72) + 3;
        assertEquals(Color.WHITE, new Color(image.getRGB(afterNote, y)));
    }

    @Test
    void barLinesAreDarkerThanBeatLines() {
        PianoRoll roll = PianoRoll.from(RenderScores.band(4));
        RollLayout layout = new RollLayout(roll, RenderOptions.defaults().withPixelsPerQuarter(40));
        BufferedImage image = PianoRollPng.toImage(roll, RenderOptions.defaults().withPixelsPerQuarter(40));
        int y = layout.y(layout.highestPitch) + layout.rowHeight / 2; // a white row with no notes
        int bar = new Color(image.getRGB((int) layout.x(96), y)).getRed();
        int beat = new Color(image.getRGB((int) layout.x(24), y)).getRed();
        int empty = new Color(image.getRGB((int) layout.x(12), y)).getRed();
        assertTrue(bar < beat && beat < empty, "bar " + bar + " < beat " + beat + " < background " + empty);
    }

    @Test
    void denseBarsKeepEveryPowerOfTwoThBarLineDark() {
        // 1/4 meter at 12 px per quarter: bars 12 px apart, all dark; at 6 px per quarter every 2nd.
        Score quarterBars = new Score(24, List.of(Track.of("a", 0, false, List.of(new Note(0, 24 * 64, 60, 80)))),
                List.of(), List.of(new TimeSignature(0, 1, 4)), List.of(), List.of());
        PianoRoll roll = PianoRoll.from(quarterBars);
        assertEquals(1, RollPainter.barLineStride(roll.downbeatSteps(), new RollLayout(roll, RenderOptions.defaults())));
        RollLayout narrow = new RollLayout(roll, RenderOptions.defaults().withPixelsPerQuarter(8));
        assertEquals(2, RollPainter.barLineStride(roll.downbeatSteps(), narrow));
        // 2000 quarters compressed into 2400 px: 1.2 px per bar, every 16th bar line dark (19.2 px).
        PianoRoll longer = PianoRoll.from(quarterBars.withTracks(List.of(Track.of("a", 0, false,
                List.of(new Note(0, 24 * 2000, 60, 80))))));
        RollLayout squeezed = new RollLayout(longer, RenderOptions.defaults());
        assertEquals(16, RollPainter.barLineStride(longer.downbeatSteps(), squeezed));
    }

    @Test
    void tracksGetDistinctColoursAndDrumsTheirOwn() {
        Color[] colours = TrackPalette.colours(new boolean[] {false, true, false, false});
        assertEquals(new Color(0x1f77b4), colours[0]);
        assertEquals(new Color(0xff7f0e), colours[2]);
        assertNotEquals(colours[0], colours[1]);
        assertEquals(4, Set.of(colours).size());
    }
}
