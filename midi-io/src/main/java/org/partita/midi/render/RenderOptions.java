package org.partita.midi.render;

import java.util.Objects;

/**
 * How to draw a piano roll. Immutable; change it with the {@code withX} copies.
 *
 * @param title                text above the roll ("" for none)
 * @param pixelsPerQuarter     preferred width of a quarter note, 1..200 (default 12); a piece too long
 *                             for {@code maxPlotWidthPx} is compressed in time, and the image says so
 * @param maxPlotWidthPx       widest the plot area may be, 200..20000 px (default 2400)
 * @param plotHeightPx         preferred plot height, 100..4000 px (default 480); rows are 3..14 px
 *                             high, so very narrow or very wide pitch ranges deviate from it
 * @param pitchMarginSemitones rows shown above the highest and below the lowest note, 0..24 (default 2)
 */
public record RenderOptions(String title, int pixelsPerQuarter, int maxPlotWidthPx, int plotHeightPx,
                            int pitchMarginSemitones) {

    public RenderOptions {
        Objects.requireNonNull(title, "title");
        check("pixelsPerQuarter", pixelsPerQuarter, 1, 200);
        check("maxPlotWidthPx", maxPlotWidthPx, 200, 20_000);
        check("plotHeightPx", plotHeightPx, 100, 4_000);
        check("pitchMarginSemitones", pitchMarginSemitones, 0, 24);
    }

    /** No title, 12 px per quarter, at most 2400 px of plot width, 480 px plot height, 2 rows of margin. */
    public static RenderOptions defaults() {
        return new RenderOptions("", 12, 2400, 480, 2);
    }

    public RenderOptions withTitle(String newTitle) {
        return new RenderOptions(newTitle, pixelsPerQuarter, maxPlotWidthPx, plotHeightPx, pitchMarginSemitones);
    }

    public RenderOptions withPixelsPerQuarter(int newPixelsPerQuarter) {
        return new RenderOptions(title, newPixelsPerQuarter, maxPlotWidthPx, plotHeightPx, pitchMarginSemitones);
    }

    public RenderOptions withMaxPlotWidthPx(int newMaxPlotWidthPx) {
        return new RenderOptions(title, pixelsPerQuarter, newMaxPlotWidthPx, plotHeightPx, pitchMarginSemitones);
    }

    public RenderOptions withPlotHeightPx(int newPlotHeightPx) {
        return new RenderOptions(title, pixelsPerQuarter, maxPlotWidthPx, newPlotHeightPx, pitchMarginSemitones);
    }

    public RenderOptions withPitchMarginSemitones(int newPitchMarginSemitones) {
        return new RenderOptions(title, pixelsPerQuarter, maxPlotWidthPx, plotHeightPx, newPitchMarginSemitones);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }
}
