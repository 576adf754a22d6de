package org.partita.cli.pipeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.partita.evaluation.Metric;
import org.partita.evaluation.PieceMetrics;

/**
 * One small box plot per metric, generated (orange) beside reference (blue): box from the first to the third
 * quartile, a line at the median, whiskers to the furthest values within 1.5 interquartile ranges, the pieces as
 * dots (only the outliers past the whiskers when a set has more than 400). Written as PNG or, for a name ending in {@code .svg}, SVG. Plain Java2D and hand-written SVG: twelve boxes
 * do not need a charting library.
 */
public final class MetricPlot {

    private static final int COLUMNS = 4;
    private static final int PANEL_W = 240;
    private static final int PANEL_H = 190;
    private static final Color GENERATED = new Color(230, 120, 30);
    private static final Color REFERENCE = new Color(40, 100, 190);

    /** What a plot is drawn on. */
    private interface Canvas {
        void rect(double x, double y, double w, double h, Color stroke, Color fill);

        void line(double x1, double y1, double x2, double y2, Color stroke, float width);

        void dot(double x, double y, Color fill);

        /** {@code anchor}: -1 left, 0 centre, 1 right. */
        void text(double x, double y, String s, float size, boolean bold, int anchor);
    }

    private MetricPlot() {
    }

    /** Draws {@code generated} (and {@code reference}, possibly empty) to {@code file}. */
    public static void write(List<PieceMetrics> generated, List<PieceMetrics> reference, Path file) throws IOException {
        int rows = (Metric.values().length + COLUMNS - 1) / COLUMNS;
        int width = COLUMNS * PANEL_W;
        int height = rows * PANEL_H + 30;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            StringBuilder svg = new StringBuilder();
            svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    + "font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
            draw(new SvgCanvas(svg), generated, reference, width);
            svg.append("</svg>\n");
            OutputTarget.of(file).writeString(svg.toString());
            return;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(new Java2dCanvas(g), generated, reference, width);
        } finally {
            g.dispose();
        }
        OutputTarget.of(file).write(out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": no PNG writer");
            }
        });
    }

    private static void draw(Canvas c, List<PieceMetrics> generated, List<PieceMetrics> reference, int width) {
        String legend = "generated (" + generated.size() + " pieces)"
                + (reference.isEmpty() ? "" : "  vs  reference (" + reference.size() + " pieces)");
        c.text(width / 2.0, 20, legend, 14, true, 0);
        Metric[] metrics = Metric.values();
        for (int i = 0; i < metrics.length; i++) {
            double x0 = (i % COLUMNS) * PANEL_W;
            double y0 = 30 + (i / COLUMNS) * PANEL_H;
            panel(c, metrics[i], finite(Evaluation.values(generated, metrics[i])),
                    finite(Evaluation.values(reference, metrics[i])), x0, y0);
        }
    }

    private static void panel(Canvas c, Metric m, double[] gen, double[] ref, double x0, double y0) {
        c.text(x0 + PANEL_W / 2.0, y0 + 16, m.jsonName(), 12, true, 0);
        double top = y0 + 28;
        double bottom = y0 + PANEL_H - 28;
        double left = x0 + 52;
        double right = x0 + PANEL_W - 12;
        c.rect(left, top, right - left, bottom - top, new Color(180, 180, 180), null);
        double lo = Math.min(min(gen), min(ref));
        double hi = Math.max(max(gen), max(ref));
        if (Double.isInfinite(lo)) {
            c.text((left + right) / 2, (top + bottom) / 2, "no values", 11, false, 0);
            return;
        }
        if (hi - lo < 1e-12) {
            lo -= 0.5;
            hi += 0.5;
        }
        double pad = (hi - lo) * 0.05;
        double a = lo - pad;
        double b = hi + pad;
        c.text(left - 4, bottom, format(lo), 10, false, 1);
        c.text(left - 4, top + 10, format(hi), 10, false, 1);
        boolean both = ref.length > 0;
        double slot = (right - left) / (both ? 2 : 1);
        box(c, gen, left + slot / 2, slot * 0.45, top, bottom, a, b, GENERATED, "generated");
        if (both) {
            box(c, ref, left + slot * 1.5, slot * 0.45, top, bottom, a, b, REFERENCE, "reference");
        }
    }

    private static void box(Canvas c, double[] v, double cx, double w, double top, double bottom, double a, double b,
                            Color color, String label) {
        c.text(cx, bottom + 14, label + " (" + v.length + ")", 10, false, 0);
        if (v.length == 0) {
            return;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double q1 = quantile(s, 0.25);
        double med = quantile(s, 0.5);
        double q3 = quantile(s, 0.75);
        double iqr = q3 - q1;
        double lowW = s[0];
        double highW = s[s.length - 1];
        for (double x : s) {
            if (x >= q1 - 1.5 * iqr) {
                lowW = x;
                break;
            }
        }
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] <= q3 + 1.5 * iqr) {
                highW = s[i];
                break;
            }
        }
        java.util.function.DoubleUnaryOperator y = x -> bottom - (x - a) / (b - a) * (bottom - top);
        Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 70);
        c.line(cx, y.applyAsDouble(lowW), cx, y.applyAsDouble(q1), color, 1.2f);
        c.line(cx, y.applyAsDouble(q3), cx, y.applyAsDouble(highW), color, 1.2f);
        c.line(cx - w / 4, y.applyAsDouble(lowW), cx + w / 4, y.applyAsDouble(lowW), color, 1.2f);
        c.line(cx - w / 4, y.applyAsDouble(highW), cx + w / 4, y.applyAsDouble(highW), color, 1.2f);
        double yq3 = y.applyAsDouble(q3);
        c.rect(cx - w / 2, yq3, w, Math.max(1, y.applyAsDouble(q1) - yq3), color, fill);
        c.line(cx - w / 2, y.applyAsDouble(med), cx + w / 2, y.applyAsDouble(med), color.darker(), 2.2f);
        for (int i = 0; i < s.length; i++) {
            // every piece of a small set; of a large one only the outliers past the whiskers
            if (s.length <= 400 || s[i] < lowW || s[i] > highW) {
                double jitter = ((i * 7919) % 13 - 6) / 6.0 * w * 0.3;
                c.dot(cx + jitter, y.applyAsDouble(s[i]), color.darker());
            }
        }
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e6 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NEGATIVE_INFINITY);
    }

    private record Java2dCanvas(Graphics2D g) implements Canvas {
        @Override
        public void rect(double x, double y, double w, double h, Color stroke, Color fill) {
            if (fill != null) {
                g.setColor(fill);
                g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
            }
            g.setColor(stroke);
            g.setStroke(new BasicStroke(1f));
            g.draw(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color stroke, float width) {
            g.setColor(stroke);
            g.setStroke(new BasicStroke(width));
            g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void dot(double x, double y, Color fill) {
            g.setColor(fill);
            g.fill(new java.awt.geom.Ellipse2D.Double(x - 2, y - 2, 4, 4));
        }

        @Override
        public void text(double x, double y, String s, float size, boolean bold, int anchor) {
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, Math.round(size)));
            double w = g.getFontMetrics().stringWidth(s);
            g.drawString(s, (float) (x - (anchor + 1) * w / 2), (float) y);
        }
    }

    private record SvgCanvas(StringBuilder svg) implements Canvas {
        @Override
        public void rect(double x, double y, double w, double h, Color stroke, Color fill) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "stroke=\"%s\" fill=\"%s\"%s/>%n", x, y, w, h, hex(stroke), fill == null ? "none" : hex(fill),
                    fill == null ? "" : String.format(Locale.ROOT, " fill-opacity=\"%.2f\"", fill.getAlpha() / 255.0)));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color stroke, float width) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"%.1f\"/>%n", x1, y1, x2, y2, hex(stroke), width));
        }

        @Override
        public void dot(double x, double y, Color fill) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"/>%n", x, y,
                    hex(fill)));
        }

        @Override
        public void text(double x, double y, String s, float size, boolean bold, int anchor) {
            String a = anchor < 0 ? "start" : anchor == 0 ? "middle" : "end";
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s text-anchor=\"%s\" "
                    + "fill=\"#404040\">%s</text>%n", x, y, size, bold ? " font-weight=\"bold\"" : "", a,
                    s.replace("&", "&amp;").replace("<", "&lt;")));
        }

        private static String hex(Color c) {
            return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }
    }
}
