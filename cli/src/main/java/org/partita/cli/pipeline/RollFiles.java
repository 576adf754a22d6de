package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.MidiFiles;
import org.partita.training.roll.RollCorpus;

/**
 * Reads MIDI files and directories into a {@link RollCorpus}: unreadable files and pieces the model cannot use
 * are reported (one line each, naming the file and the rule) and the rest carry on.
 */
public final class RollFiles {
    private RollFiles() {}

    /**
     * @param corpus the usable pieces ({@code corpus.skipped()} names the readable pieces left out)
     * @param unreadable one line per file that is not readable MIDI
     */
    public record Loaded(RollCorpus corpus, List<String> unreadable) {
        public Loaded {
            unreadable = List.copyOf(unreadable);
        }

        /** Every problem, unreadable files first. */
        public List<String> problems() {
            List<String> all = new ArrayList<>(unreadable);
            all.addAll(corpus.skipped());
            return all;
        }
    }

    /** Every MIDI file under {@code inputs} (sorted as {@link MidiFiles#find} lists them), as pieces of {@code voices} voices. */
    public static Loaded load(List<Path> inputs, int voices) {
        List<RollCorpus.Entry> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        MidiReader reader = MidiReader.lenient();
        for (MidiFiles.Found f : MidiFiles.find(inputs)) {
            if (!f.isToRead()) {
                unreadable.add(line(f.failure()));
                continue;
            }
            try {
                entries.add(new RollCorpus.Entry(f.path().toString(), reader.read(f.path()).score()));
            } catch (MidiFormatException e) {
                unreadable.add(line(FileFailure.of(f.path(), e)));
            }
        }
        return new Loaded(RollCorpus.fromScores(entries, voices), unreadable);
    }

    private static String line(FileFailure f) {
        return f.path() + ": " + (f.byteOffset() >= 0 ? "at byte " + f.byteOffset() + ": " : "") + f.reason();
    }
}
