package org.partita.midi;

import java.io.IOException;
import java.nio.file.Path;
import org.partita.symbolic.Score;

/** STUB — being written. */
public final class MidiWriter {
    public static byte[] toBytes(Score score, int ticksPerQuarter) {
        throw new UnsupportedOperationException("being written");
    }

    public static void write(Score score, Path path, int ticksPerQuarter) throws IOException {
        throw new UnsupportedOperationException("being written");
    }
}
