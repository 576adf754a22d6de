package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partita.cli.pipeline.DemoResult;
import org.partita.cli.pipeline.GeneratedPiece;

/** The summary {@code partita demo} prints on stdout: what was made, where, and what to do next. */
final class DemoText {

    private DemoText() {
    }

    static void print(DemoResult r, Path outDir, PrintWriter out) {
        List<String> stages = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.stageSeconds().entrySet()) {
            stages.add(String.format("%s %.0f", e.getKey(), e.getValue()));
        }
        out.printf("Partita demo: synthetic corpus -> REMI tokens -> transformer -> new pieces%n");
        out.printf("took %.0f s (%s), %.0f CPU-seconds%n%n", r.totalSeconds(), String.join(", ", stages),
                r.totalCpuSeconds());
        long violations = r.continuations().violations() + r.unconditional().violations();
        row(out, "corpus", r.tokens().files() + " synthetic pieces + 1 held out", r.corpusDir() + "/, " + r.heldOut());
        row(out, "tokens", String.format("REMI, %,d tokens", r.tokens().tokens()), r.tokens().directory() + "/");
        row(out, "model", String.format("%,d parameters, %d steps, validation perplexity %.2f", r.parameters(),
                r.train().step(), r.validationPerplexity()), r.runDir() + "/");
        row(out, "generated", r.pieces().size() + " pieces, grammar violations: " + violations,
                r.continuations().pieces().get(0).files().midi().getParent() + "/");
        if (!r.harmonized().isEmpty()) {
            row(out, "harmonized", "held-out melody, 4 bars, 4 voices (piano-roll model)",
                    String.join(", ", r.harmonized().stream().map(Object::toString).toList()));
        }
        out.println();
        out.printf("%-18s %5s %6s %7s %7s  %s%n", "piece", "bars", "notes", "seconds", "tokens", "files");
        for (GeneratedPiece p : r.pieces()) {
            String midi = p.files().midi().toString();
            String base = midi.substring(0, midi.length() - ".mid".length());
            String ext = "mid" + (p.files().wav() != null ? ",wav" : "") + (p.files().png() != null ? ",png" : "");
            out.printf("%-18s %5d %6d %7.1f %7d  %s.{%s}%s%n", p.name(), p.bars(), p.score().noteCount(),
                    p.score().durationSeconds(), p.ids().length, base, ext,
                    p.files().wavSkipped() != null ? " (no WAV: " + p.files().wavSkipped() + ")" : "");
        }
        out.printf("(continuations start with the first %d bars of %s: %s)%n%n", r.continuations().prompt().bars(),
                r.heldOut(), r.continuations().promptMidi());
        GeneratedPiece first = r.pieces().get(0);
        if (first.files().wav() != null) {
            out.printf("Listen:   %s (any audio player)%n", first.files().wav());
        }
        out.printf("Look:     %s%n", first.files().png());
        out.printf("Inspect:  partita inspect %s%n", first.files().midi().getParent());
        out.printf("More:     partita generate --model %s --out more --num 4 --wav --png%n", r.runDir());
        out.printf("Details:  %s (settings, seeds, timings)%n", r.summary());
    }

    private static void row(PrintWriter out, String what, String detail, String where) {
        out.printf("%-10s %-58s %s%n", what, detail, where);
    }
}
