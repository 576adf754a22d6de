package org.partita.midi.render;

import java.awt.Color;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link RollCanvas} that writes SVG 1.1 text. Hand-written rather than a library (JFreeSVG, Batik):
 * a piano roll needs four element types, and a dependency would add megabytes (Batik) or a licence
 * and version to track (JFreeSVG) for what is a few string templates.
 */
final class SvgCanvas implements RollCanvas {

    private final StringBuilder svg = new StringBuilder(1 << 16);
    private final Map<String, String> paints = new HashMap<>();

    SvgCanvas(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n");
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Color fill) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append('"').append(paint("fill", fill))
                .append(" shape-rendering=\"crispEdges\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Color stroke) {
        svg.append("<rect x=\"").append(n(x + 0.5)).append("\" y=\"").append(n(y + 0.5)).append("\" width=\"")
                .append(n(width - 1)).append("\" height=\"").append(n(height - 1)).append("\" fill=\"none\"")
                .append(paint("stroke", stroke)).append(" shape-rendering=\"crispEdges\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color stroke, float width) {
        // Through pixel centres, as Java2dCanvas draws them, so 1 px lines stay sharp.
        svg.append("<line x1=\"").append(n(centre(x1))).append("\" y1=\"").append(n(centre(y1))).append("\" x2=\"")
                .append(n(centre(x2))).append("\" y2=\"").append(n(centre(y2))).append('"').append(paint("stroke", stroke))
                .append(" stroke-width=\"").append(n(width)).append("\" shape-rendering=\"crispEdges\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, float sizePx, boolean bold, Color fill, Anchor anchor) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(sizePx))
                .append('"');
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        if (anchor != Anchor.START) {
            svg.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        svg.append(paint("fill", fill)).append('>').append(escape(text)).append("</text>\n");
    }

    private static double centre(double v) {
        return Math.floor(v) + 0.5;
    }

    /** The finished document. */
    String finish() {
        return svg + "</svg>\n";
    }

    private String paint(String attribute, Color c) {
        // A roll has a few dozen distinct paints and thousands of notes: format each paint once.
        return paints.computeIfAbsent(attribute + c.getRGB(), k -> {
            String s = String.format(Locale.ROOT, " %s=\"#%02x%02x%02x\"", attribute, c.getRed(), c.getGreen(), c.getBlue());
            if (c.getAlpha() < 255) {
                s += String.format(Locale.ROOT, " %s-opacity=\"%.3f\"", attribute, c.getAlpha() / 255.0);
            }
            return s;
        });
    }

    /** A coordinate with at most two decimals, without String.format (called for every note). */
    private static String n(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String sign = hundredths < 0 ? "-" : "";
        long a = Math.abs(hundredths);
        long frac = a % 100;
        String decimals = frac < 10 ? "0" + frac : frac % 10 == 0 ? Long.toString(frac / 10) : Long.toString(frac);
        return sign + a / 100 + "." + decimals;
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters, which MIDI track names sometimes hold.
                    if (cp >= 0x20 || cp == '\t' || cp == '\n') {
                        sb.appendCodePoint(cp);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        });
        return sb.toString();
    }
}
