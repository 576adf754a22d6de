package org.partita.midi.render;

import java.awt.Color;

/**
 * Track colours: pitched tracks take, in order, the ten hues of the Tableau 10 palette, then their
 * lighter Tableau 20 partners, then repeat; drum tracks are always dark slate, so the many short
 * drum hits read as rhythm and never take a melodic colour.
 */
final class TrackPalette {

    private static final int[] RGB = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
            0x7f7f7f, 0xbcbd22, 0x17becf, 0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2,
            0xc7c7c7, 0xdbdb8d, 0x9edae5};
    private static final Color DRUMS = new Color(0x3b4252);

    private TrackPalette() {
    }

    /** Colours of the tracks of a roll, given their drum flags in track order. */
    static Color[] colours(boolean[] isDrum) {
        Color[] out = new Color[isDrum.length];
        int pitched = 0;
        for (int t = 0; t < isDrum.length; t++) {
            out[t] = isDrum[t] ? DRUMS : new Color(RGB[pitched++ % RGB.length]);
        }
        return out;
    }

    /** The colour of a note of that velocity: louder notes are more opaque. */
    static Color noteFill(Color track, int velocity) {
        int alpha = (int) Math.round(255 * (0.35 + 0.65 * velocity / 127.0));
        return new Color(track.getRed(), track.getGreen(), track.getBlue(), alpha);
    }

    /** A darker edge, drawn around notes wide enough for it so repeated notes stay distinct. */
    static Color edge(Color track) {
        return new Color(track.getRed() * 6 / 10, track.getGreen() * 6 / 10, track.getBlue() * 6 / 10);
    }
}
