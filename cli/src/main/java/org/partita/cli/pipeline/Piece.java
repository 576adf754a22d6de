package org.partita.cli.pipeline;

import java.nio.file.Path;
import org.partita.midi.scan.FileFailure;

/** One input file after reading and encoding: its ids, or why it failed. Passed from a worker to the writer. */
sealed interface Piece {

    /** A tokenized file: {@code sha1} of its bytes, {@code notes} represented by {@code ids}. */
    record Encoded(Path path, String sha1, int notes, int[] ids) implements Piece {}

    /** A file that could not be read or encoded. */
    record Failed(FileFailure failure) implements Piece {}
}
