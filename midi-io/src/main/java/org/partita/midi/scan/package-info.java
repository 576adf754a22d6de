/**
 * Corpus scanning: finding MIDI files under paths ({@link org.partita.midi.scan.MidiFiles}), reading
 * them in parallel ({@link org.partita.midi.scan.CorpusScanner}) and reporting one
 * {@link org.partita.midi.scan.FileSummary} or {@link org.partita.midi.scan.FileFailure} per file,
 * with {@link org.partita.midi.scan.ScanTotals}. A bad file never stops a scan. Nothing here prints.
 */
package org.partita.midi.scan;
