package org.partita.midi.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.partita.symbolic.roll.PianoRoll;

/**
 * Draws a multitrack {@link PianoRoll} as a PNG with Java2D and ImageIO: one colour per track (more
 * opaque for louder notes, with a darker edge so repeated notes stay apart), a legend (track name,
 * General MIDI program), bar lines (dark) and beat lines (light) from the meter map, bar numbers,
 * a pitch axis naming every C (C4 = 60, every pitch when rows are tall), black-key rows shaded, and the
 * pitch range cropped to the notes plus a margin. Sizes follow {@link RenderOptions}; long pieces are
 * compressed in time to at most {@code maxPlotWidthPx}, and the subtitle says so.
 *
 * <p>Runs headless: unless the application chose otherwise, {@code java.awt.headless} is set to
 * {@code true} when this class loads, so drawing never looks for a display. Stateless, thread-safe.
 */
public final class PianoRollPng {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PianoRollPng() {
    }

    /** The picture as an RGB image. */
    public static BufferedImage toImage(PianoRoll roll, RenderOptions options) {
        Objects.requireNonNull(roll, "roll");
        Objects.requireNonNull(options, "options");
        RollLayout layout = new RollLayout(roll, options);
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            RollPainter.paint(roll, layout, options, new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture as PNG bytes. */
    public static byte[] toPng(PianoRoll roll, RenderOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(toImage(roll, options), "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory PNG encoding does not fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the PNG to {@code path}, replacing it. */
    public static void write(PianoRoll roll, RenderOptions options, Path path) throws IOException {
        Files.write(path, toPng(roll, options));
    }
}
