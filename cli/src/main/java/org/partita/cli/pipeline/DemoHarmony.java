package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.partita.symbolic.Score;
import org.partita.training.roll.RollModel;
import org.partita.training.roll.RollModels;
import org.partita.training.roll.SamplingConfig;
import org.partita.training.roll.ScoreRolls;

/** The demo's harmonisation step: the held-out piece's melody (its "Melody" track) in four voices. */
final class DemoHarmony {
    private DemoHarmony() {}

    /** Harmonises the first four bars of {@code piece}'s melody into {@code dir/harmonized.mid} (+ .wav, .png). */
    static List<Path> write(Score piece, Path dir, long seed, boolean wav) throws IOException {
        Integer melody = null;
        for (int i = 0; i < piece.tracks().size() && melody == null; i++) {
            if (piece.tracks().get(i).name().equals("Melody") && !piece.tracks().get(i).notes().isEmpty()) {
                melody = i;
            }
        }
        if (melody == null && !ScoreRolls.noteTracks(piece).isEmpty()) {
            melody = ScoreRolls.noteTracks(piece).get(0);
        }
        long end = piece.timeGrid().barStartTick(4);
        Score opening = piece.clipped(0, end);
        try (RollModel model = RollModels.loadDefault()) {
            RollHarmony.Result r = RollHarmony.harmonize(opening, melody, model,
                    SamplingConfig.defaults().withSeed(seed), RollHarmony.DEFAULT_PROGRAMS);
            return RollOutputs.write(r.score(), RollOutputs.Targets.check(dir.resolve("harmonized.mid"), wav, true),
                    "held-out melody, harmonised");
        }
    }
}
