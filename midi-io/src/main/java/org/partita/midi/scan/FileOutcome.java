package org.partita.midi.scan;

import java.nio.file.Path;

/** What scanning one file gave: a {@link FileSummary} when it was read, a {@link FileFailure} otherwise. */
public sealed interface FileOutcome permits FileSummary, FileFailure {

    /** The file, as found (relative paths stay relative). */
    Path path();
}
