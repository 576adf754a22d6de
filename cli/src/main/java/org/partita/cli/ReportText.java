package org.partita.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partita.midi.Repair;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.FileOutcome;
import org.partita.midi.scan.FileSummary;
import org.partita.midi.scan.ScanReport;
import org.partita.midi.scan.ScanTotals;

/**
 * The text form of a scan report: a table with one line per file (the path last, so a line splits
 * on whitespace into 11 fields and the path), a totals line, then the failed files with reasons and
 * the repairs by kind. Deterministic: no timings.
 */
final class ReportText {

    private static final String ROW = "%-6s %6s %5s %6s %7s %8s %5s %9s %6s %6s %7s  %s%n";

    private ReportText() {
    }

    static void print(ScanReport report, PrintWriter out) {
        List<FileOutcome> outcomes = report.outcomes();
        if (!outcomes.isEmpty()) {
            out.printf(Locale.ROOT, ROW, "status", "format", "tpq", "tracks", "notes", "programs", "drums",
                    "seconds", "tempos", "meters", "repairs", "file");
        }
        for (FileOutcome outcome : outcomes) {
            if (outcome instanceof FileSummary s) {
                out.printf(Locale.ROOT, ROW, "ok", s.format(), s.ticksPerQuarter(), s.tracks(), s.notes(),
                        s.programs().size(), s.hasDrums() ? "yes" : "no",
                        String.format(Locale.ROOT, "%.1f", s.durationSeconds()), s.tempoChanges(),
                        s.meterChanges(), s.repairs(), oneLine(s.path()));
            } else {
                out.printf(Locale.ROOT, ROW, "FAILED", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
                        oneLine(outcome.path()));
            }
        }
        printTotals(report.totals(), out);
        printFailures(report.failures(), out);
        printRepairs(report.totals(), out);
    }

    private static void printTotals(ScanTotals t, PrintWriter out) {
        out.printf(Locale.ROOT, "total: %s, %d read, %d failed; %s, %s, %.1f s of music; %s in %s%n",
                count(t.files(), "file"), t.read(), t.failed(), count(t.tracks(), "track"),
                count(t.notes(), "note"), t.durationSeconds(), count(t.repairs(), "repair"),
                count(t.filesWithRepairs(), "file"));
    }

    private static void printFailures(List<FileFailure> failures, PrintWriter out) {
        if (failures.isEmpty()) {
            return;
        }
        out.printf("%nFailed files (%d):%n", failures.size());
        for (FileFailure f : failures) {
            out.println("  " + describe(f));
        }
    }

    /**
     * {@code value} as text on one line: a line break, tab, backslash or other control character in a file name
     * is written as an escape ({@code \n}, {@code \t}, {@code \\}, {@code \x1b}), so one file is always one
     * line of the report.
     */
    static String oneLine(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\\' ? "\\\\"
                    : Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : null;
            if (escape != null && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** {@code "1 note"}, {@code "2 notes"}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code path: at byte N: reason}, without the byte when the problem is not at one place. */
    static String describe(FileFailure f) {
        return oneLine(f.path()) + ": " + (f.byteOffset() >= 0 ? "at byte " + f.byteOffset() + ": " : "") + f.reason();
    }

    private static void printRepairs(ScanTotals t, PrintWriter out) {
        if (t.repairKinds().isEmpty()) {
            return;
        }
        out.printf("%nRepairs by kind:%n");
        for (Map.Entry<Repair.Kind, Long> e : t.repairKinds().entrySet()) {
            out.printf(Locale.ROOT, "  %-36s %6d%s%n", e.getKey(), e.getValue(),
                    e.getKey().refusedWhenStrict() ? "  (--strict refuses)" : "");
        }
    }
}
