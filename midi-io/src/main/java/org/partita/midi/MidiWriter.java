package org.partita.midi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * Writes a {@link Score} as a format 1 Standard MIDI File. Stateless and thread-safe; the score is
 * never changed.
 *
 * <p>Layout: an MThd header (length 6, format 1, {@code 1 + tracks} chunks, division = ticks per
 * quarter); then a conductor MTrk holding every tempo, time signature (clocks per click 24, eight
 * 32nd notes per quarter), key signature and text meta event of the score; then one MTrk per
 * {@link Track}, in order, holding a track name meta event and a program change at tick 0, then the
 * track's control changes, pitch bends and notes (0x90 note-on with the note's velocity, 0x80
 * note-off with release velocity 64), with running status, and End of Track at the last event.
 * Texts and track names are UTF-8. Channels come from {@link ChannelAssignment}; event order within
 * a tick: note-offs of sounding notes, controls, program change, pitch bends, note-ons, then
 * note-offs of zero-length notes (full rules and reasons: {@code docs/file-formats.md}, "Writing MIDI").
 *
 * <p>A score whose resolution differs from {@link WriteOptions#ticksPerQuarter()} is first
 * converted with {@link Score#resampled(int)} (exact for multiples, otherwise round half up).
 *
 * <p>Limits, each refused with an {@link IllegalArgumentException} naming the value: a delta time
 * between consecutive events of one chunk above 0x0FFFFFFF ticks (the largest variable-length
 * quantity; the writer does not split long rests), and more than 65534 tracks.
 */
public final class MidiWriter {

    private static final byte[] MTHD = {'M', 'T', 'h', 'd'};

    /** SMF format written: several simultaneous tracks. */
    static final int FORMAT = 1;

    private MidiWriter() {
    }

    /** The file's bytes. */
    public static byte[] toBytes(Score score, WriteOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(score, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException("ByteArrayOutputStream does not throw", e);
        }
        return out.toByteArray();
    }

    /** The file's bytes at the given resolution; same as {@code toBytes(score, new WriteOptions(tpq))}. */
    public static byte[] toBytes(Score score, int ticksPerQuarter) {
        return toBytes(score, new WriteOptions(ticksPerQuarter));
    }

    /**
     * Writes the file to {@code out}. The whole file is encoded first (MIDI files are small), so a
     * score that is refused with {@link IllegalArgumentException} writes nothing. The stream is
     * neither flushed nor closed.
     */
    public static void write(Score score, OutputStream out, WriteOptions options) throws IOException {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        Score s = score.resampled(options.ticksPerQuarter());
        List<Track> tracks = s.tracks();
        if (tracks.size() > 0xFFFF - 1) {
            throw new IllegalArgumentException("a format 1 file holds at most 65534 tracks besides the conductor, got "
                    + tracks.size());
        }
        int[] channels = ChannelAssignment.channels(tracks);
        // Encode every chunk before the first byte goes out, so a refused score writes nothing.
        List<byte[]> chunks = new ArrayList<>(1 + tracks.size());
        chunks.add(TrackChunkEncoder.encode(ConductorEvents.events(s), "conductor track"));
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            chunks.add(TrackChunkEncoder.encode(TrackEventOrder.events(t, channels[i]),
                    "track " + i + " '" + t.name() + "'"));
        }
        out.write(header(chunks.size(), options.ticksPerQuarter()));
        for (byte[] chunk : chunks) {
            out.write(chunk);
        }
    }

    /**
     * Writes the file to {@code path}: first to a new temporary file in the same directory, forced to
     * disk, then moved over {@code path} atomically, so readers see the old file or the complete new
     * one, never a partial file. On a file system without atomic moves the move falls back to a
     * plain replace. The temporary file is removed if anything fails.
     */
    public static void write(Score score, Path path, WriteOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        byte[] bytes = toBytes(score, options);
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            // checked here so the error names the file asked for, not the temporary file
            throw new NoSuchFileException(target.toString(), null, "its folder does not exist");
        }
        Path tmp = AtomicFiles.createTemporary(dir, target.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            AtomicFiles.moveOver(tmp, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Writes the file to {@code path} at the given resolution; see {@link #write(Score, Path, WriteOptions)}. */
    public static void write(Score score, Path path, int ticksPerQuarter) throws IOException {
        write(score, path, new WriteOptions(ticksPerQuarter));
    }

    /** The 14-byte MThd chunk. */
    static byte[] header(int chunkCount, int ticksPerQuarter) {
        return new byte[] {
            MTHD[0], MTHD[1], MTHD[2], MTHD[3],
            0, 0, 0, 6,
            0, (byte) FORMAT,
            (byte) (chunkCount >>> 8), (byte) chunkCount,
            (byte) (ticksPerQuarter >>> 8), (byte) ticksPerQuarter,
        };
    }
}
