package org.partita.midi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads Standard MIDI Files (formats 0, 1 and 2) into {@link org.partita.symbolic.Score}s.
 *
 * <p><b>Guarantee.</b> On any input, {@code read} returns a {@link ReadResult} or throws the checked
 * {@link MidiFormatException} naming the source, the byte offset and the rule broken. It never throws
 * another exception, never loops without advancing, and allocates at most a small multiple of the
 * input size (inputs above {@link ReadOptions#maxInputBytes()} are refused before being read).
 *
 * <p><b>Mapping rules.</b>
 * <ul>
 *   <li>Format 0 and 1: every MTrk chunk starts at tick 0. Format 2 (independent sequences) is read
 *       the same way: each sequence's tracks are laid over each other from tick 0, as MusPy and
 *       pretty_midi do; tempo and meter events of any chunk apply to the whole score.</li>
 *   <li>Tracks: one {@code Track} per (MTrk chunk, channel, program) that plays at least one note, in
 *       chunk order, then channel order, then program order (as symusic orders them), each holding its
 *       notes in canonical order and their Note On order as its {@code sourceOrder}. A note takes the program in force on
 *       its channel at its note-on, so a program change mid-channel starts a new Track (a piece that
 *       switches piano to strings on channel 1 gives two Tracks). Channel 10 gives drum tracks. The
 *       track name is the chunk's first Track Name meta event ("" if none).</li>
 *   <li>Notes: a note-on with velocity 0 is a note-off. Overlapping notes of the same pitch on one
 *       channel pair first-in, first-out (a note-off ends the earliest sounding note of that pitch).
 *       Notes still sounding at the end of their chunk are closed at its End of Track tick (or last
 *       event) and listed as {@link Repair.Kind#NOTE_CLOSED_AT_END_OF_TRACK}. Note-offs with no
 *       sounding note are ignored and listed.</li>
 *   <li>Kept: tempo, time signature, key signature, text/copyright/instrument/lyric/marker/cue text
 *       events (as score-level {@code TextEvent}s), control changes and pitch bends (on the track of the
 *       program in force; if that program never plays, on the channel's first track that does; dropped
 *       on channels without notes). Not kept: aftertouch, sysex, sequencer-specific and other meta
 *       events. Text is decoded as UTF-8 when valid, else ISO-8859-1.</li>
 *   <li>SMPTE time division is converted, not refused: ticks per quarter = frames per second × ticks
 *       per frame (30 for 29.97 drop-frame) and one tempo of 1,000,000 µs per quarter (1,001,001 for
 *       29.97), so every tick keeps its exact time in seconds; tempo events in such files are ignored,
 *       as SMPTE timing is absolute.</li>
 *   <li>Unknown chunks are skipped; a RIFF RMID wrapper is unwrapped.</li>
 * </ul>
 *
 * <p><b>Lenient and strict.</b> By default the reader repairs what real files get wrong and players
 * accept (data bytes above 127, a missing End of Track, running status after meta or sysex events, a
 * wrong track count, a chunk length past the end of the file, garbage between or after chunks, illegal
 * status bytes, impossible meta events) and lists each repair in the {@link ReadReport}. In strict mode
 * each of those ({@link Repair.Kind#refusedWhenStrict()}) raises {@link MidiFormatException} instead.
 * Always refused: an empty or non-MIDI file, a header shorter than 6 bytes, format above 2, a division
 * of 0 or an invalid SMPTE rate.
 *
 * <p>Thread-safe: one reader may be used by many threads at once.
 */
public final class MidiReader {

    private final ReadOptions options;

    public MidiReader(ReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A lenient reader with default limits. */
    public static MidiReader lenient() {
        return new MidiReader(ReadOptions.defaults());
    }

    /** A strict reader with default limits. */
    public static MidiReader strict() {
        return new MidiReader(ReadOptions.strictMode());
    }

    public ReadOptions options() {
        return options;
    }

    /**
     * Reads a file; I/O errors also become {@link MidiFormatException} (offset -1) naming the path. A path
     * that is not a regular file (a FIFO, {@code /dev/stdin}, a device) is read as a stream through the same
     * {@link ReadOptions#maxInputBytes()} limit, so {@code /dev/zero} is refused after that many bytes.
     */
    public ReadResult read(Path path) throws MidiFormatException {
        String source = path.toString();
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                return read(in, source);
            } catch (IOException e) {
                throw new MidiFormatException(source, -1, "cannot read file: " + e, e);
            }
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > options.maxInputBytes()) {
                throw new MidiFormatException(source, -1, "file is " + size + " bytes, above the limit of "
                        + options.maxInputBytes() + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new MidiFormatException(source, -1, "no such file", e);
        } catch (IOException e) {
            throw new MidiFormatException(source, -1, "cannot read file: " + e, e);
        }
        return read(bytes, source);
    }

    /** Reads a stream to its end (not closing it). */
    public ReadResult read(InputStream in, String sourceName) throws MidiFormatException {
        byte[] bytes;
        try {
            long limit = options.maxInputBytes();
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new MidiFormatException(sourceName, -1, "cannot read stream: " + e, e);
        }
        if (bytes.length > options.maxInputBytes()) {
            throw new MidiFormatException(sourceName, -1, "input is more than the limit of " + options.maxInputBytes() + " bytes");
        }
        return read(bytes, sourceName);
    }

    /** Reads bytes already in memory; {@code sourceName} is used in messages. */
    public ReadResult read(byte[] bytes, String sourceName) throws MidiFormatException {
        Objects.requireNonNull(bytes, "bytes");
        String source = sourceName == null ? "<bytes>" : sourceName;
        if (bytes.length > options.maxInputBytes()) {
            throw new MidiFormatException(source, -1, "input is " + bytes.length + " bytes, above the limit of "
                    + options.maxInputBytes() + " bytes");
        }
        try {
            return new SmfParser(bytes, source, options.strict()).parse();
        } catch (RuntimeException bug) {
            // Defence in depth for the "never a RuntimeException" guarantee; the fuzz test fails on this message.
            throw new MidiFormatException(source, -1, "internal reader error (please report): " + bug, bug);
        }
    }
}
