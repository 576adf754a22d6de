package org.partita.midi.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.partita.symbolic.roll.PianoRoll;

/**
 * Draws a multitrack {@link PianoRoll} as SVG text, with the same layout and content as
 * {@link PianoRollPng} (one {@code <rect>} per note). Stateless, thread-safe.
 */
public final class PianoRollSvg {

    private PianoRollSvg() {
    }

    /** The SVG document. */
    public static String toSvg(PianoRoll roll, RenderOptions options) {
        Objects.requireNonNull(roll, "roll");
        Objects.requireNonNull(options, "options");
        RollLayout layout = new RollLayout(roll, options);
        SvgCanvas canvas = new SvgCanvas(layout.width, layout.height);
        RollPainter.paint(roll, layout, options, canvas);
        return canvas.finish();
    }

    /** Writes the SVG (UTF-8) to {@code path}, replacing it. */
    public static void write(PianoRoll roll, RenderOptions options, Path path) throws IOException {
        Files.writeString(path, toSvg(roll, options), StandardCharsets.UTF_8);
    }
}
