package org.partita.midi;

import java.io.InputStream;
import java.nio.file.Path;

/** STUB — being written. */
public final class MidiReader {
    private final ReadOptions options;

    public MidiReader(ReadOptions options) {
        this.options = options;
    }

    public static MidiReader lenient() {
        return new MidiReader(ReadOptions.defaults());
    }

    public static MidiReader strict() {
        return new MidiReader(ReadOptions.strictMode());
    }

    public ReadOptions options() {
        return options;
    }

    public ReadResult read(Path path) throws MidiFormatException {
        throw new UnsupportedOperationException("being written");
    }

    public ReadResult read(byte[] bytes, String sourceName) throws MidiFormatException {
        throw new UnsupportedOperationException("being written");
    }

    public ReadResult read(InputStream in, String sourceName) throws MidiFormatException {
        throw new UnsupportedOperationException("being written");
    }
}
