package org.partita.midi.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partita.symbolic.GmProgram;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.roll.RollTrack;

/**
 * Geometry of a piano-roll picture, pure arithmetic (text widths come from the font's metrics, which
 * need no display). Time runs left to right, pitch bottom to top.
 *
 * <p>Size rules: a quarter note is {@code pixelsPerQuarter} wide unless the plot would exceed
 * {@code maxPlotWidthPx}, in which case time is compressed to fit (and the subtitle says by how
 * much); the plot is at least {@link #MIN_PLOT_WIDTH_PX} wide. Rows are {@code plotHeightPx / rows}
 * high, clamped to 3..14 px. Pitches shown: the notes' range plus the margin, clipped to 0..127.
 */
final class RollLayout {

    static final int MIN_PLOT_WIDTH_PX = 480;
    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final float TITLE_PX = 16f;
    static final float TEXT_PX = 12f;
    static final float AXIS_PX = 10f;
    private static final int PAD = 10;
    private static final int LEGEND_ROW_PX = 18;
    private static final int SWATCH_PX = 12;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    final int width;
    final int height;
    final int plotX;
    final int plotY;
    final int plotWidth;
    final int plotHeight;
    final int lowestPitch;
    final int highestPitch;
    final int rowHeight;
    final int steps;
    final double pixelsPerStep;
    final boolean compressed;
    final int titleBaseline;
    final int subtitleBaseline;
    final String subtitle;
    final List<LegendEntry> legend;
    final int axisBaseline;

    /** One legend item: swatch at (x, y), label to its right. */
    record LegendEntry(int track, int x, int y, String label) {
    }

    RollLayout(PianoRoll roll, RenderOptions options) {
        steps = Math.max(roll.stepCount(), 1);
        double preferred = (double) steps * options.pixelsPerQuarter() / roll.stepsPerQuarter();
        compressed = preferred > options.maxPlotWidthPx();
        plotWidth = (int) Math.round(Math.max(MIN_PLOT_WIDTH_PX, Math.min(preferred, options.maxPlotWidthPx())));
        pixelsPerStep = (double) plotWidth / steps;

        PianoRoll.PitchRange used = roll.pitchRange().orElse(new PianoRoll.PitchRange(60, 72));
        lowestPitch = Math.max(0, used.lowest() - options.pitchMarginSemitones());
        highestPitch = Math.min(127, used.highest() + options.pitchMarginSemitones());
        int rows = highestPitch - lowestPitch + 1;
        rowHeight = Math.max(3, Math.min(14, (int) Math.round((double) options.plotHeightPx() / rows)));
        plotHeight = rows * rowHeight;

        plotX = PAD + (int) Math.ceil(textWidth("C#-1", AXIS_PX, false)) + 8;
        width = plotX + plotWidth + PAD + 6;

        int y = PAD;
        titleBaseline = options.title().isEmpty() ? -1 : y + (int) TITLE_PX;
        if (titleBaseline > 0) {
            y = titleBaseline + 8;
        }
        subtitle = subtitle(roll);
        subtitleBaseline = y + (int) TEXT_PX;
        y = subtitleBaseline + 10;

        legend = new ArrayList<>();
        int x = plotX;
        for (int t = 0; t < roll.trackCount(); t++) {
            String label = label(roll.tracks().get(t), t);
            int entryWidth = SWATCH_PX + 6 + (int) Math.ceil(textWidth(label, TEXT_PX, false)) + 18;
            if (x > plotX && x + entryWidth > width - PAD) {
                x = plotX;
                y += LEGEND_ROW_PX;
            }
            legend.add(new LegendEntry(t, x, y, label));
            x += entryWidth;
        }
        plotY = y + (legend.isEmpty() ? 0 : LEGEND_ROW_PX) + 6;
        axisBaseline = plotY + plotHeight + 4 + (int) AXIS_PX;
        height = axisBaseline + PAD;
    }

    /** Left edge of a step. */
    double x(double step) {
        return plotX + step * pixelsPerStep;
    }

    /** Top edge of a pitch's row. */
    int y(int pitch) {
        return plotY + (highestPitch - pitch) * rowHeight;
    }

    static int swatchPx() {
        return SWATCH_PX;
    }

    /** "Lead · Flute (73)", "Drums · drum kit 0". */
    static String label(RollTrack track, int index) {
        String name = track.name().isBlank() ? "Track " + (index + 1) : track.name().strip();
        String instrument = track.isDrum() ? "drum kit " + track.program()
                : GmProgram.name(track.program()) + " (" + track.program() + ")";
        return name + " · " + instrument;
    }

    private String subtitle(PianoRoll roll) {
        int bars = roll.downbeatSteps().length;
        String s = roll.trackCount() + " tracks · " + bars + " bars · " + roll.stepCount() + " steps at "
                + roll.stepsPerQuarter() + " per quarter";
        if (compressed) {
            s += String.format(Locale.ROOT, " · time compressed to fit: 1 px = %.2f steps", 1 / pixelsPerStep);
        }
        return s;
    }

    static double textWidth(String text, float sizePx, boolean bold) {
        Font font = new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(sizePx);
        return font.getStringBounds(text, FRC).getWidth();
    }
}
