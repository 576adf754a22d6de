package org.partita.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.partita.cli.pipeline.MemorisationIndexing;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationIndexFormat;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.midi.MidiReader;
import org.partita.midi.scan.MidiFiles;
import org.partita.midi.scan.ScanProgress;
import org.partita.symbolic.Note;
import org.partita.symbolic.OutOfRangePolicy;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;

/**
 * The memorisation check on a whole corpus, as {@code partita evaluate} runs it: per round, every MIDI file read
 * and indexed ({@link MemorisationIndexing#build}, the same code as {@code --index-training}), the index saved to
 * and loaded from a temporary file; then {@code --checks} pieces checked against it, half of them bars 3-10 of a
 * corpus file a tone up (long matches, the slow case), half synthetic pieces (no long match). Prints one table.
 *
 * <pre>benchmarks/run memorisation ../shared/data/corpora [--rounds 3] [--threads 2] [--checks 200]</pre>
 */
public final class MemorisationBenchmark {

    private MemorisationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MemorisationBenchmark DIR [--rounds 3] [--threads N] [--checks 200]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        int checks = 200;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--checks" -> checks = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MemorisationSettings settings = MemorisationSettings.defaults();
        Path tmp = Files.createTempFile("partita-memorisation", ".bin");
        MemorisationIndex index = null;
        System.out.printf("%-6s %12s %8s %8s %9s%n", "round", "index s", "save s", "load s", "MB");
        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            index = MemorisationIndexing.build(List.of(dir), settings, threads, ScanProgress.NONE).index();
            long t1 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                MemorisationIndexFormat.save(index, out);
            }
            long t2 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(tmp), 1 << 20)) {
                index = MemorisationIndexFormat.load(in);
            }
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%-6d %12.2f %8.2f %8.2f %9.1f%n", r, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9, Files.size(tmp) / 1e6);
        }
        Files.delete(tmp);
        System.out.printf(Locale.ROOT, "index: %d files, %d lines, %,d notes, %d threads%n", index.sources().size(),
                index.lineCount(), index.noteCount(), threads);

        List<Score> pieces = pieces(dir, checks);
        double[] copiedMs = new double[checks / 2];
        double[] freshMs = new double[pieces.size() - checks / 2];
        int flaggedCopies = 0;
        int flaggedFresh = 0;
        for (int pass = 0; pass < 2; pass++) { // pass 0 warms the JIT up
            for (int i = 0; i < pieces.size(); i++) {
                long t = System.nanoTime();
                MemorisationVerdict v = index.check(pieces.get(i));
                double ms = (System.nanoTime() - t) / 1e6;
                if (pass == 1) {
                    if (i < copiedMs.length) {
                        copiedMs[i] = ms;
                        flaggedCopies += v.flagged() ? 1 : 0;
                    } else {
                        freshMs[i - copiedMs.length] = ms;
                        flaggedFresh += v.flagged() ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("%-40s %7s %9s %9s %9s %8s%n", "check", "pieces", "median ms", "p95 ms", "max ms", "flagged");
        row("corpus bars 3-10, a tone up", copiedMs, flaggedCopies);
        row("synthetic pieces (not in the corpus)", freshMs, flaggedFresh);
    }

    private static void row(String name, double[] ms, int flagged) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-40s %7d %9.2f %9.2f %9.2f %8d%n", name, s.length, s[s.length / 2],
                s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))], s[s.length - 1], flagged);
    }

    /** Half copies of corpus files (every k-th file's bars 3-10, +2 semitones), half synthetic pieces. */
    private static List<Score> pieces(Path dir, int checks) throws Exception {
        List<Path> files = MidiFiles.find(List.of(dir)).stream().filter(MidiFiles.Found::isToRead)
                .map(MidiFiles.Found::path).toList();
        List<Score> pieces = new ArrayList<>();
        int step = Math.max(1, files.size() / (checks / 2));
        for (int i = 0; pieces.size() < checks / 2 && i < files.size(); i += step) {
            Score s = MidiReader.lenient().read(files.get(i)).score();
            pieces.add(bars(s, 3, 10).transposed(2, OutOfRangePolicy.DROP));
        }
        pieces.addAll(SyntheticCorpus.generate(99, checks - pieces.size()));
        return pieces;
    }

    private static Score bars(Score s, int first, int last) {
        TimeGrid grid = s.timeGrid();
        long start = grid.barStartTick(first - 1);
        List<Track> tracks = new ArrayList<>();
        for (Track t : s.tracks()) {
            List<Note> kept = new ArrayList<>();
            for (Note n : t.notes()) {
                int bar = grid.barAt(n.startTick()) + 1;
                if (bar >= first && bar <= last) {
                    kept.add(n.withStartTick(n.startTick() - start));
                }
            }
            tracks.add(t.withNotes(kept));
        }
        return s.withTracks(tracks);
    }
}
