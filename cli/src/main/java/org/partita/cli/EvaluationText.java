package org.partita.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.partita.cli.pipeline.EvaluationResult;
import org.partita.cli.pipeline.PieceEvaluation;
import org.partita.evaluation.Metric;
import org.partita.evaluation.compare.MetricComparison;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.evaluation.memorisation.Passage;
import org.partita.midi.scan.FileFailure;

/** The text {@code partita evaluate} prints: per-piece metrics, the comparison, memorisation verdicts, failures. */
final class EvaluationText {

    /** Column headers, in {@link Metric} order. */
    private static final String[] SHORT = {"range", "pitches", "classes", "poly", "poly_rate", "H_pitch", "H_class",
        "scale", "empty_beat", "drum_in", "drum_cons", "groove"};

    private EvaluationText() {
    }

    static void print(EvaluationResult r, PrintWriter out) {
        boolean grammar = r.pieces().stream().anyMatch(p -> !Double.isNaN(p.grammarErrorRate()));
        StringBuilder header = new StringBuilder();
        for (String s : SHORT) {
            header.append(String.format("%" + width(s) + "s ", s));
        }
        if (grammar) {
            header.append(String.format("%8s ", "grammar"));
        }
        out.println(header + " file");
        for (PieceEvaluation p : r.pieces()) {
            StringBuilder row = new StringBuilder();
            Metric[] metrics = Metric.values();
            for (int i = 0; i < metrics.length; i++) {
                row.append(String.format("%" + width(SHORT[i]) + "s ", value(p.metrics().get(metrics[i]))));
            }
            if (grammar) {
                row.append(String.format("%8s ", value(p.grammarErrorRate())));
            }
            out.println(row + " " + p.file());
        }
        out.printf("(%d pieces; MusPy's metrics%s, %s resolution; '-' = undefined, e.g. drum metrics without drums)%n",
                r.pieces().size(), r.settings().metrics().muspyCompatible() ? " as MusPy 0.5's code" : "",
                r.settings().metrics().stepsPerQuarter() == 0 ? "each file's own"
                        : r.settings().metrics().stepsPerQuarter() + " steps per quarter");
        if (!r.comparison().isEmpty()) {
            printComparison(r, out);
        }
        if (r.memorisation() != null) {
            printMemorisation(r, out);
        }
        printFailures(r.failures(), out);
    }

    private static void printComparison(EvaluationResult r, PrintWriter out) {
        out.println();
        out.printf("Comparison with the reference (%d pieces), after Yang & Lerch 2020; distances are |a - b| between two "
                + "pieces' values%n", r.reference().size());
        out.printf("%-25s %19s %19s %10s %10s %10s %7s %7s%n", "metric", "generated mean±sd", "reference mean±sd",
                "intra-gen", "intra-ref", "inter", "overlap", "KL");
        for (Metric m : Metric.values()) {
            MetricComparison c = r.comparison().get(m);
            out.printf("%-25s %19s %19s %10s %10s %10s %7s %7s%n", m.jsonName(),
                    value(c.generatedMean()) + " ± " + value(c.generatedSd()),
                    value(c.referenceMean()) + " ± " + value(c.referenceSd()),
                    value(c.intraGeneratedMean()), value(c.intraReferenceMean()), value(c.interMean()),
                    value(c.overlapArea()), value(c.klDivergence()));
        }
        out.println("(overlap and KL compare the reference's intra-set distances with the inter-set distances: "
                + "overlap 1 and KL 0 = generated pieces sit among the reference as it sits among itself)");
    }

    private static void printMemorisation(EvaluationResult r, PrintWriter out) {
        MemorisationSettings s = r.memorisation();
        out.println();
        out.printf(Locale.ROOT, "Memorisation against %s: longest passage shared with a training piece, any "
                + "transposition%s; flagged at %s%n", r.settings().memorisation(),
                r.settings().melodyOnly() ? ", melody lines only" : "", threshold(s));
        out.printf("%-8s %-60s %s%n", "verdict", "longest shared passage", "file");
        int flagged = 0;
        for (PieceEvaluation p : r.pieces()) {
            MemorisationVerdict v = p.memorisation();
            flagged += v.flagged() ? 1 : 0;
            out.printf("%-8s %-60s %s%n", v.flagged() ? "COPIED" : "ok", passage(v.longest()), p.file());
            int shown = Math.min(v.copied().size(), 4);
            for (Passage other : v.copied().subList(Math.min(1, shown), shown)) {
                out.printf("%-8s %-60s%n", "", "also " + passage(other));
            }
            if (v.copied().size() > shown) {
                out.printf("%-8s and %d more training pieces sharing a passage over the threshold (all in --json)%n", "",
                        v.copied().size() - shown);
            }
        }
        out.printf("(%d of %d pieces flagged)%n", flagged, r.pieces().size());
    }

    /** One line about a verdict, for {@code partita generate --check-memorisation}. */
    static String verdict(MemorisationVerdict v) {
        if (v.longest() == null) {
            return "ok: no shared passage found";
        }
        return (v.flagged() ? "COPIED: " : "ok: longest shared ") + passage(v.longest());
    }

    static String threshold(MemorisationSettings s) {
        String bars = s.minBars() > 0 ? String.format(Locale.ROOT, "%s bars", value(s.minBars())) : "";
        String notes = s.minNotes() > 0 ? s.minNotes() + " notes" : "";
        return bars.isEmpty() ? notes : notes.isEmpty() ? bars : bars + " or " + notes;
    }

    static String passage(Passage p) {
        if (p == null) {
            return "none found";
        }
        return String.format(Locale.ROOT, "%.1f bars, %d notes = %s bars %d-%d (%s, %+d)", p.bars(), p.notes(),
                p.source(), p.sourceFirstBar(), p.sourceLastBar(), p.line(), p.transposition());
    }

    static void printFailures(List<FileFailure> failures, PrintWriter out) {
        if (failures.isEmpty()) {
            return;
        }
        out.println();
        out.println("Failed files (" + failures.size() + "), skipped:");
        for (FileFailure f : failures) {
            out.println("  " + ReportText.describe(f));
        }
    }

    private static int width(String header) {
        return Math.max(header.length(), 6);
    }

    static String value(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e6) {
            return String.valueOf((long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
