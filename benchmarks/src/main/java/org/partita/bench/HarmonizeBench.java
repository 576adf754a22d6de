package org.partita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.training.DjlRuntime;
import org.partita.training.roll.RollModel;
import org.partita.training.roll.RollModels;
import org.partita.training.roll.RollSampler;
import org.partita.training.roll.SamplingConfig;
import org.partita.training.roll.ScoreRolls;
import org.partita.training.roll.VoiceLeading;
import org.partita.training.roll.VoiceRoll;

/**
 * Piano-roll model: harmonisation time and voice-leading statistics.
 * Args: JS_FAKES_MIDI_DIR [--model DIR] [--rounds N (default 5)] [--style N (harmonisations for the style
 * counts, default 50; 0 = skip)] [--threads N (default 1)].
 * Speed: the soprano of the first file, cropped to 32 and 128 steps, harmonised with the default Gibbs schedule
 * (4 x steps Gibbs steps); median, min and max wall seconds of N rounds after one warm-up, and CPU seconds.
 * Style: soprano of the first 64 steps of N files harmonised (seed = file index), parallel fifths/octaves and
 * voice crossings per 100 beats, beside the same counts for those files' own four voices.
 */
public final class HarmonizeBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path modelDir = null;
        int rounds = 5;
        int style = 50;
        int threads = 1;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> modelDir = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--style" -> style = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DjlRuntime.engine(threads);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
        }
        String loadBefore = BenchCorpus.load();
        try (RollModel model = modelDir == null ? RollModels.loadDefault() : RollModels.load(modelDir)) {
            RollSampler sampler = new RollSampler(model);
            VoiceRoll piece = fourVoices(files.get(0));
            System.out.printf("%-28s %8s %8s %8s %8s %8s%n", "harmonisation", "steps", "median s", "min s", "max s", "cpu s");
            for (int steps : new int[] {32, 128}) {
                VoiceRoll crop = repeatTo(piece, steps);
                boolean[][] erased = lowerVoices(steps);
                sampler.fill(crop, erased, SamplingConfig.defaults()); // warm-up
                double[] wall = new double[rounds];
                double cpu = 0;
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    long c0 = TrainingBench.processCpuNanos();
                    sampler.fill(crop, erased, SamplingConfig.defaults().withSeed(r));
                    wall[r] = (System.nanoTime() - t0) / 1e9;
                    cpu += (TrainingBench.processCpuNanos() - c0) / 1e9;
                }
                Arrays.sort(wall);
                System.out.printf("%-28s %8d %8.2f %8.2f %8.2f %8.2f%n", "Gibbs, " + 4 * steps + " steps", steps,
                        wall[rounds / 2], wall[0], wall[rounds - 1], cpu / rounds);
            }
            if (style > 0) {
                VoiceLeading generated = VoiceLeading.none();
                VoiceLeading real = VoiceLeading.none();
                int done = 0;
                for (int i = 0; i < files.size() && done < style; i++) {
                    VoiceRoll p = fourVoices(files.get(i));
                    if (p == null || p.stepCount() < 64) {
                        continue;
                    }
                    VoiceRoll crop = p.crop(0, 64);
                    real = real.plus(VoiceLeading.of(crop));
                    generated = generated.plus(VoiceLeading.of(
                            sampler.fill(crop, lowerVoices(64), SamplingConfig.defaults().withSeed(i))));
                    done++;
                }
                System.out.printf("%n%-34s %10s %10s %10s %10s%n", "per 100 beats (" + done + " x 64 steps)", "beats",
                        "par. 5ths", "par. 8ves", "crossings");
                for (var row : List.of(new Object[] {"js_fakes (the files themselves)", real},
                        new Object[] {"model (soprano given)", generated})) {
                    VoiceLeading v = (VoiceLeading) row[1];
                    System.out.printf("%-34s %10.0f %10.2f %10.2f %10.2f%n", row[0], v.beats(),
                            v.per100Beats(v.parallelFifths()), v.per100Beats(v.parallelOctaves()),
                            v.per100Beats(v.crossings()));
                }
            }
        }
        System.out.println("load before: " + loadBefore + "; after: " + BenchCorpus.load() + "; threads " + threads);
    }

    static VoiceRoll fourVoices(Path file) throws Exception {
        Score s = MidiReader.lenient().read(file).score();
        List<Integer> tracks = ScoreRolls.noteTracks(s);
        if (tracks.size() != 4) {
            return null;
        }
        VoiceRoll r = ScoreRolls.toRoll(s, tracks, 0).roll();
        Integer shift = ScoreRolls.octaveShiftIntoRange(r);
        return shift == null || shift != 0 ? null : r;
    }

    /** The piece repeated (or cut) to exactly {@code steps} steps. */
    static VoiceRoll repeatTo(VoiceRoll piece, int steps) {
        int[][] p = new int[4][steps];
        boolean[][] o = new boolean[4][steps];
        for (int v = 0; v < 4; v++) {
            for (int t = 0; t < steps; t++) {
                p[v][t] = piece.pitch(v, t % piece.stepCount());
                o[v][t] = piece.onset(v, t % piece.stepCount());
            }
        }
        return new VoiceRoll(p, o);
    }

    static boolean[][] lowerVoices(int steps) {
        boolean[][] e = new boolean[4][steps];
        for (int v = 1; v < 4; v++) {
            Arrays.fill(e[v], true);
        }
        return e;
    }

    private HarmonizeBench() {}
}
