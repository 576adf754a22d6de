package org.partita.midi.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** {@link RollCanvas} on a Java2D graphics context. Shapes are crisp; only text is anti-aliased. */
final class Java2dCanvas implements RollCanvas {

    private final Graphics2D g;

    Java2dCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Color fill) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Color stroke) {
        g.setColor(stroke);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, y, width - 1, height - 1));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color stroke, float width) {
        g.setColor(stroke);
        g.setStroke(new BasicStroke(width));
        // Through pixel centres, so a 1 px line at x covers exactly pixel column floor(x).
        g.draw(new Line2D.Double(centre(x1), centre(y1), centre(x2), centre(y2)));
    }

    private static double centre(double v) {
        return Math.floor(v) + 0.5;
    }

    @Override
    public void text(double x, double y, String text, float sizePx, boolean bold, Color fill, Anchor anchor) {
        Font font = new Font(RollLayout.FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(sizePx);
        g.setFont(font);
        g.setColor(fill);
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - w / 2;
            case END -> x - w;
        };
        g.drawString(text, (float) left, (float) y);
    }
}
