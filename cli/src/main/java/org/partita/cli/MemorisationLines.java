package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.partita.cli.pipeline.DemoResult;
import org.partita.cli.pipeline.GeneratedPiece;
import org.partita.cli.pipeline.MemorisationIndexing;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.midi.scan.ScanProgress;

/** Memorisation verdicts beside generated pieces, for {@code generate --check-memorisation} and {@code demo}. */
final class MemorisationLines {

    private MemorisationLines() {
    }

    /** The demo's check: its pieces against an index of its own training corpus, built in memory. */
    static void printDemo(DemoResult r, PrintWriter out) throws IOException, InterruptedException {
        MemorisationIndex index = MemorisationIndexing.build(List.of(r.corpusDir()), MemorisationSettings.defaults(),
                Runtime.getRuntime().availableProcessors(), ScanProgress.NONE).index();
        out.printf("%nMemorisation check against the demo's own training corpus (%s/, %d pieces; flagged at %s):%n",
                r.corpusDir(), index.sources().size(), EvaluationText.threshold(index.settings()));
        for (GeneratedPiece p : r.pieces()) {
            out.printf("  %-18s %s%n", p.name(), EvaluationText.verdict(index.check(p.score())));
        }
        out.printf("  (same check on any pieces: partita evaluate --index-training %s --out idx/, then "
                + "partita evaluate FILES --memorisation idx/)%n", r.corpusDir());
    }

    /** Loads an index for {@code generate --check-memorisation}. */
    static MemorisationIndex load(Path index) throws IOException {
        return MemorisationIndexing.load(index);
    }
}
