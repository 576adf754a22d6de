package org.partita.cli.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.partita.midi.scan.FileKind;

/**
 * The input policy for a file a command is named (a config, an id file, a MIDI file read whole): it must
 * exist and not be a directory; a regular file is checked against the size limit before it is read; anything
 * else (a FIFO, {@code /dev/stdin}) is read as a stream and refused once it passes the limit, so no read is
 * unbounded. Stateless.
 */
public final class InputFile {

    private InputFile() {
    }

    /**
     * The file's bytes.
     *
     * @throws IllegalArgumentException naming the path when it is missing, a directory, or above {@code maxBytes}
     * @throws IOException              when reading fails
     */
    public static byte[] readBytes(Path path, long maxBytes) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a directory, not a file");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file");
        }
        if (Files.isRegularFile(path)) {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is %,d bytes, %s", path, size,
                        Limits.above(Limits.INPUT_BYTES, maxBytes)));
            }
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + ": no such file", e);
        }
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%s) gives more than %,d bytes, %s",
                    path, FileKind.of(path), maxBytes, Limits.above(Limits.INPUT_BYTES, maxBytes)));
        }
        return bytes;
    }

    /**
     * Checks, from its first 12 bytes, that {@code soundfont} is an SF2 ({@code RIFF....sfbk}) or DLS
     * ({@code RIFF....DLS }) soundbank, so a wrong file is refused before minutes of work, not after.
     *
     * @throws IllegalArgumentException naming the file and what it is instead
     */
    public static void checkSoundbank(Path soundfont) throws IOException {
        if (!Files.isRegularFile(soundfont)) {
            throw new IllegalArgumentException("soundfont " + soundfont + ": " + (Files.exists(soundfont)
                    ? FileKind.of(soundfont) + ", not a soundbank file" : "no such file"));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(soundfont)) {
            head = in.readNBytes(12);
        }
        String riff = new String(head, 0, Math.min(4, head.length), StandardCharsets.ISO_8859_1);
        String form = head.length < 12 ? "" : new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        if (!riff.equals("RIFF") || !(form.equals("sfbk") || form.equals("DLS "))) {
            throw new IllegalArgumentException("soundfont " + soundfont + ": not an SF2 or DLS soundbank (it does not "
                    + "start with RIFF....sfbk or RIFF....DLS )");
        }
    }

    /** The file as UTF-8 text, by {@link #readBytes}. */
    public static String readString(Path path, long maxBytes) throws IOException {
        return new String(readBytes(path, maxBytes), StandardCharsets.UTF_8);
    }
}
