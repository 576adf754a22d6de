package org.partita.midi.render;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchName;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;

/** Draws a piano roll on a {@link RollCanvas} following a {@link RollLayout}. */
final class RollPainter {

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color BLACK_KEY_ROW = new Color(0xF1F1F4);
    private static final Color OCTAVE_LINE = new Color(0xC8C8D0);
    private static final Color BEAT_LINE = new Color(0xE2E2E8);
    private static final Color BAR_LINE = new Color(0x8C8C96);
    private static final Color FRAME = new Color(0x60606A);
    private static final Color TEXT = new Color(0x202024);
    private static final Color MUTED_TEXT = new Color(0x5A5A64);
    /** Closer lines than this are thinned out rather than merged into a grey wash. */
    private static final double MIN_BEAT_GAP_PX = 5;
    private static final double MIN_BAR_GAP_PX = 12;
    private static final double MIN_BAR_LABEL_GAP_PX = 40;

    private RollPainter() {
    }

    static void paint(PianoRoll roll, RollLayout layout, RenderOptions options, RollCanvas canvas) {
        canvas.fillRect(0, 0, layout.width, layout.height, BACKGROUND);
        pitchRows(layout, canvas);
        timeLines(roll, layout, canvas);
        notes(roll, layout, canvas);
        canvas.strokeRect(layout.plotX, layout.plotY, layout.plotWidth, layout.plotHeight, FRAME);
        pitchLabels(layout, canvas);
        texts(roll, layout, options, canvas);
    }

    private static void pitchRows(RollLayout layout, RollCanvas canvas) {
        for (int p = layout.lowestPitch; p <= layout.highestPitch; p++) {
            if (PitchName.isBlackKey(p)) {
                canvas.fillRect(layout.plotX, layout.y(p), layout.plotWidth, layout.rowHeight, BLACK_KEY_ROW);
            }
            if (p % 12 == 0 && p > layout.lowestPitch) {
                double y = layout.y(p) + layout.rowHeight; // the line under each C marks the octave
                canvas.line(layout.plotX, y, layout.plotX + layout.plotWidth, y, OCTAVE_LINE, 1f);
            }
        }
    }

    private static void timeLines(PianoRoll roll, RollLayout layout, RollCanvas canvas) {
        double top = layout.plotY;
        double bottom = layout.plotY + layout.plotHeight;
        double last = Double.NEGATIVE_INFINITY;
        for (int s : roll.beatSteps()) {
            double x = layout.x(s);
            if (x - last >= MIN_BEAT_GAP_PX) {
                canvas.line(x, top, x, bottom, BEAT_LINE, 1f);
                last = x;
            }
        }
        int[] bars = roll.downbeatSteps();
        int every = barLineStride(bars, layout);
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bars.length; i++) {
            double x = layout.x(bars[i]);
            if (i % every == 0) {
                canvas.line(x, top, x, bottom, BAR_LINE, 1f);
            }
            if (x - lastLabel >= MIN_BAR_LABEL_GAP_PX) {
                canvas.text(x, layout.axisBaseline, Integer.toString(i + 1), RollLayout.AXIS_PX, false, MUTED_TEXT,
                        RollCanvas.Anchor.MIDDLE);
                lastLabel = x;
            }
        }
    }

    /**
     * Draw every bar line dark only when bars are at least {@link #MIN_BAR_GAP_PX} apart (median
     * spacing); otherwise every 2nd, 4th, 8th… bar (phrase-like groups), the others staying as beat
     * lines. Short bars (POP909's 1/4 meter, long compressed pieces) would otherwise grey the plot.
     */
    static int barLineStride(int[] bars, RollLayout layout) {
        if (bars.length < 2) {
            return 1;
        }
        double[] gaps = new double[bars.length - 1];
        for (int i = 1; i < bars.length; i++) {
            gaps[i - 1] = (bars[i] - bars[i - 1]) * layout.pixelsPerStep;
        }
        Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        int stride = 1;
        while (stride * median < MIN_BAR_GAP_PX && stride < 1 << 20) {
            stride *= 2;
        }
        return stride;
    }

    private static void notes(PianoRoll roll, RollLayout layout, RollCanvas canvas) {
        Score score = roll.toScore();
        Color[] colours = colours(roll);
        double gap = layout.rowHeight >= 6 ? 1 : 0;
        for (int t = 0; t < score.tracks().size(); t++) {
            Color colour = colours[t];
            Color edge = TrackPalette.edge(colour);
            List<Note> notes = score.tracks().get(t).notes();
            for (Note n : notes) {
                if (n.pitch() < layout.lowestPitch || n.pitch() > layout.highestPitch) {
                    continue;
                }
                double x = layout.x(n.startTick());
                double w = Math.max(1, layout.x(n.endTick()) - x);
                double y = layout.y(n.pitch()) + gap / 2;
                double h = layout.rowHeight - gap;
                canvas.fillRect(x, y, w, h, TrackPalette.noteFill(colour, n.velocity()));
                if (w >= 4 && h >= 4) {
                    canvas.strokeRect(x, y, w, h, edge);
                } else if (w >= 2) {
                    canvas.line(x, y, x, y + h, edge, 1f); // at least the onset, so repeats stay apart
                }
            }
        }
    }

    private static Color[] colours(PianoRoll roll) {
        boolean[] drums = new boolean[roll.trackCount()];
        for (int t = 0; t < drums.length; t++) {
            drums[t] = roll.tracks().get(t).isDrum();
        }
        return TrackPalette.colours(drums);
    }

    private static void pitchLabels(RollLayout layout, RollCanvas canvas) {
        boolean every = layout.rowHeight >= 12;
        for (int p = layout.lowestPitch; p <= layout.highestPitch; p++) {
            if (every || p % 12 == 0) {
                double baseline = layout.y(p) + layout.rowHeight / 2.0 + RollLayout.AXIS_PX * 0.35;
                canvas.text(layout.plotX - 5, baseline, PitchName.of(p), RollLayout.AXIS_PX, p % 12 == 0,
                        p % 12 == 0 ? TEXT : MUTED_TEXT, RollCanvas.Anchor.END);
            }
        }
    }

    private static void texts(PianoRoll roll, RollLayout layout, RenderOptions options, RollCanvas canvas) {
        if (layout.titleBaseline > 0) {
            canvas.text(layout.plotX, layout.titleBaseline, options.title(), RollLayout.TITLE_PX, true, TEXT,
                    RollCanvas.Anchor.START);
        }
        canvas.text(layout.plotX, layout.subtitleBaseline, layout.subtitle, RollLayout.TEXT_PX, false, MUTED_TEXT,
                RollCanvas.Anchor.START);
        int swatch = RollLayout.swatchPx();
        Color[] colours = colours(roll);
        for (RollLayout.LegendEntry e : layout.legend) {
            Color c = colours[e.track()];
            canvas.fillRect(e.x(), e.y(), swatch, swatch, c);
            canvas.strokeRect(e.x(), e.y(), swatch, swatch, TrackPalette.edge(c));
            canvas.text(e.x() + swatch + 6, e.y() + swatch - 2, e.label(), RollLayout.TEXT_PX, false, TEXT,
                    RollCanvas.Anchor.START);
        }
        canvas.text(layout.plotX - 5, layout.axisBaseline, "bar", RollLayout.AXIS_PX, false, MUTED_TEXT,
                RollCanvas.Anchor.END);
    }
}
