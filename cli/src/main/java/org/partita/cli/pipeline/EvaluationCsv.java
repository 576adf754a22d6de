package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partita.evaluation.Metric;
import org.partita.evaluation.memorisation.Passage;

/**
 * {@code partita evaluate --csv}: one row per piece: file, the twelve metrics, grammar_error_rate, and with an index
 * memorisation_flagged, longest_bars, longest_notes, longest_source, source_first_bar, source_last_bar. Empty cells
 * for NaN or absent values; fields quoted as RFC 4180.
 */
public final class EvaluationCsv {

    private EvaluationCsv() {
    }

    public static void write(EvaluationResult r, Path file) throws IOException {
        boolean memo = r.memorisation() != null;
        List<String> header = new ArrayList<>(List.of("file"));
        for (Metric m : Metric.values()) {
            header.add(m.jsonName());
        }
        header.add("grammar_error_rate");
        if (memo) {
            header.addAll(List.of("memorisation_flagged", "longest_bars", "longest_notes", "longest_source",
                    "source_first_bar", "source_last_bar"));
        }
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (PieceEvaluation p : r.pieces()) {
            List<String> row = new ArrayList<>(List.of(quote(p.file().toString())));
            for (Metric m : Metric.values()) {
                row.add(number(p.metrics().get(m)));
            }
            row.add(number(p.grammarErrorRate()));
            if (memo) {
                Passage l = p.memorisation().longest();
                row.add(String.valueOf(p.memorisation().flagged()));
                row.add(l == null ? "" : String.format(Locale.ROOT, "%.2f", l.bars()));
                row.add(l == null ? "" : String.valueOf(l.notes()));
                row.add(l == null ? "" : quote(l.source()));
                row.add(l == null ? "" : String.valueOf(l.sourceFirstBar()));
                row.add(l == null ? "" : String.valueOf(l.sourceLastBar()));
            }
            out.append(String.join(",", row)).append("\r\n");
        }
        OutputTarget.of(file).writeString(out.toString());
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
