package org.partita.bench;

import java.nio.file.Path;
import java.util.List;
import org.partita.cli.pipeline.RollFiles;
import org.partita.training.roll.RollGrid;
import org.partita.training.roll.VoiceRoll;

/**
 * How four-voice chorales treat a pitch kept from one 16th step to the next: held or struck again, by voice, by
 * whether the step is a beat and whether the soprano starts a note there. The evidence for the piano-roll
 * sampler's re-strike rule (docs/pianoroll-model.md, "Repeated notes"). Args: DIR... (MIDI files or directories,
 * read as the piano-roll trainer reads them).
 */
public final class RepeatedNotesCount {
    public static void main(String[] args) {
        List<VoiceRoll> pieces = RollFiles.load(java.util.Arrays.stream(args).map(Path::of).toList(), 4).corpus().pieces();
        long[][] kept = new long[4][4];
        long[][] struck = new long[4][4];
        for (VoiceRoll r : pieces) {
            for (int v = 0; v < 4; v++) {
                for (int t = 1; t < r.stepCount(); t++) {
                    int p = r.pitch(v, t);
                    if (p == VoiceRoll.REST || p != r.pitch(v, t - 1)) {
                        continue;
                    }
                    int c = (t % RollGrid.STEPS_PER_QUARTER == 0 ? 0 : 2) + (r.onset(0, t) ? 0 : 1);
                    kept[v][c]++;
                    if (r.onset(v, t)) {
                        struck[v][c]++;
                    }
                }
            }
        }
        String[] voices = {"soprano", "alto", "tenor", "bass"};
        String[] cases = {"beat, soprano starts a note", "beat, soprano holds", "off-beat, soprano starts a note",
                "off-beat, soprano holds"};
        System.out.printf("%d pieces; a step whose pitch equals the step before's, in each voice:%n%n", pieces.size());
        System.out.println("| voice | case | steps | struck again | share |");
        System.out.println("|---|---|---:|---:|---:|");
        for (int v = 1; v < 4; v++) {
            for (int c = 0; c < 4; c++) {
                System.out.printf("| %s | %s | %,d | %,d | %.1f%% |%n", voices[v], cases[c], kept[v][c], struck[v][c],
                        100.0 * struck[v][c] / Math.max(1, kept[v][c]));
            }
        }
    }

    private RepeatedNotesCount() {}
}
