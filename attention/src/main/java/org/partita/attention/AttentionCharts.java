package org.partita.attention;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Heatmaps (per field and layer: heads × k, gain on a diverging blue–white–red scale centred at 0,
 * the baseline named in the title) and a line chart of each layer's head-mean beat gain with its
 * interval band, as PNG and SVG (JFreeChart, JFreeSVG). Headless.
 */
public final class AttentionCharts {

    private static final int WIDTH = 1000;
    private static final int ROW_HEIGHT = 34;

    private AttentionCharts() {
    }

    /** Writes {@code heatmap-<field>-layer<L>.png/.svg} for every field and layer, and {@code beat-gain.png/.svg}. */
    public static List<Path> writeAll(AttentionResult r, ChartRanges ranges, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Field f : r.settings().fields()) {
            for (int layer : r.layers()) {
                JFreeChart chart = heatmap(r, f, layer, ranges);
                int height = 170 + ROW_HEIGHT * (r.heads() + 1);
                out.addAll(save(chart, dir, "heatmap-" + f.label() + "-layer" + layer, WIDTH, height));
            }
        }
        if (r.settings().fields().contains(Field.BEAT)) {
            out.addAll(save(beatLine(r, ranges), dir, "beat-gain", WIDTH, 520));
        }
        return out;
    }

    static JFreeChart heatmap(AttentionResult r, Field f, int layer, ChartRanges ranges) {
        int heads = r.heads();
        int min = ranges.min(f);
        int max = ranges.max(f);
        List<double[]> cells = new ArrayList<>();
        double extent = 0;
        for (RelativeRow x : r.rows()) {
            if (x.field() != f || x.layer() != layer || x.k() < min || x.k() > max) {
                continue;
            }
            double y = x.head() == RelativeRow.MEAN_HEAD ? heads : x.head();
            cells.add(new double[] {x.k(), y, 100 * x.diff()});
            extent = Math.max(extent, Math.abs(100 * x.diff()));
        }
        double[][] series = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int j = 0; j < 3; j++) {
                series[j][i] = cells.get(i)[j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("gain", series);
        extent = extent == 0 ? 1 : extent;
        DivergingScale scale = new DivergingScale(extent);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis(xLabel(f));
        x.setRange(min - 0.5, max + 0.5);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        String[] names = new String[heads + 1];
        for (int h = 0; h < heads; h++) {
            names[h] = "head " + h;
        }
        names[heads] = "mean";
        SymbolAxis y = new SymbolAxis("head", names);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(new Color(0xDDDDDD)); // unobserved k: grey, not "no gain" white
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "%s, layer %d: gain over %s baseline (%s unit, %d sequences)",
                f.label(), layer, r.settings().baseline().label(), r.settings().unit().label(), r.sequences()),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        NumberAxis legendAxis = new NumberAxis("gain (percentage points of attention)");
        legendAxis.setRange(-extent, extent);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(6, 60, 6, 60));
        legend.setStripWidth(14);
        legend.setFrame(new BlockBorder(Color.WHITE));
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static JFreeChart beatLine(AttentionResult r, ChartRanges ranges) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int layer : r.layers()) {
            YIntervalSeries s = new YIntervalSeries("layer " + layer);
            for (RelativeRow x : r.rows()) {
                if (x.field() == Field.BEAT && x.layer() == layer && x.head() == RelativeRow.MEAN_HEAD
                        && x.k() >= ranges.min(Field.BEAT) && x.k() <= Math.min(-1, ranges.max(Field.BEAT))) {
                    double lo = Double.isNaN(x.diffLow()) ? x.diff() : x.diffLow();
                    double hi = Double.isNaN(x.diffHigh()) ? x.diff() : x.diffHigh();
                    s.add(x.k(), 100 * x.diff(), 100 * lo, 100 * hi);
                }
            }
            data.addSeries(s);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
        for (int i = 0; i < r.layers().size(); i++) {
            Color c = colors[i % colors.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.2f);
        NumberAxis x = new NumberAxis("beat difference k (key beat - query beat; -4 = four beats back)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("head-mean gain (percentage points)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xCCCCCC));
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        String band = r.settings().bootstrapSamples() > 0
                ? String.format(Locale.ROOT, ", band: %.0f%% bootstrap interval", 100 * r.settings().confidence()) : "";
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Beat gain over %s baseline by layer (%s unit%s)",
                r.settings().baseline().label(), r.settings().unit().label(), band),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String xLabel(Field f) {
        return switch (f) {
            case BEAT -> "beat difference k (key - query; -4 = four beats back)";
            case POSITION -> "position difference k (steps within the beat)";
            case BAR -> "bar difference k";
            case PITCH -> "interval k (key pitch - query pitch, semitones)";
            case INTERVAL_CLASS -> "interval class k (|interval| mod 12)";
            case INSTRUMENT -> "same instrument k (1 = same program)";
        };
    }

    private static List<Path> save(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        Path png = dir.resolve(name + ".png");
        ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        Path svg = dir.resolve(name + ".svg");
        SVGUtils.writeToSVG(svg.toFile(), g.getSVGElement());
        return List.of(png, svg);
    }

    /** Blue (negative) – white (0) – red (positive), symmetric around 0. */
    private record DivergingScale(double extent) implements PaintScale {
        @Override
        public double getLowerBound() {
            return -extent;
        }

        @Override
        public double getUpperBound() {
            return extent;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(-1, Math.min(1, value / extent));
            // white at 0 to a saturated colour at ±extent (ColorBrewer RdBu end points)
            int[] end = t >= 0 ? new int[] {178, 24, 43} : new int[] {33, 102, 172};
            double a = Math.abs(t);
            return new Color((int) Math.round(255 + (end[0] - 255) * a), (int) Math.round(255 + (end[1] - 255) * a),
                    (int) Math.round(255 + (end[2] - 255) * a));
        }
    }
}
