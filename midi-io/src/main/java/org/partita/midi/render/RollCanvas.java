package org.partita.midi.render;

import java.awt.Color;

/** The few drawing operations a piano roll needs, so PNG and SVG share one painter. */
interface RollCanvas {

    /** Text alignment relative to the given x. */
    enum Anchor { START, MIDDLE, END }

    void fillRect(double x, double y, double width, double height, Color fill);

    void strokeRect(double x, double y, double width, double height, Color stroke);

    void line(double x1, double y1, double x2, double y2, Color stroke, float width);

    /** Text with its baseline at {@code y}. */
    void text(double x, double y, String text, float sizePx, boolean bold, Color fill, Anchor anchor);
}
