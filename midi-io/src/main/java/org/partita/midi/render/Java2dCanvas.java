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
        g.draw(new Line2D.Double(x1, y1, x2, y2));
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
