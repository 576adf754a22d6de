package org.partita.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import org.partita.cli.pipeline.OutputTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.partita.midi.Repair;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.FileSummary;
import org.partita.midi.scan.ScanReport;
import org.partita.midi.scan.ScanTotals;

/**
 * The JSON form of a scan report (schema in docs/cli.md). Its own records, so renaming a library
 * field cannot silently change the published schema; bump {@link #SCHEMA_VERSION} when it changes.
 */
final class ReportJson {

    /** Version of the JSON layout below. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    record Report(int schemaVersion, String tool, Options options, List<File> files, List<Failure> failures,
                  Totals totals, long elapsedMillis) {
    }

    record Options(List<String> paths, boolean strict, int threads) {
    }

    record File(String path, int format, int ticksPerQuarter, int tracks, int notes, List<Integer> programs,
                boolean hasDrums, double durationSeconds, int tempoChanges, int meterChanges, int repairs,
                Map<Repair.Kind, Integer> repairKinds) {
    }

    record Failure(String path, long byteOffset, String reason) {
    }

    record Totals(int files, int read, int failed, long tracks, long notes, double durationSeconds, long repairs,
                  int filesWithRepairs, Map<Repair.Kind, Long> repairKinds) {
    }

    static void write(ScanReport report, InspectConfig config, OutputTarget file) throws IOException {
        file.writeBytes(MAPPER.writeValueAsBytes(of(report, config)));
    }

    static Report of(ScanReport report, InspectConfig config) throws IOException {
        Options options = new Options(config.paths().stream().map(Path::toString).toList(), config.strict(),
                config.threads());
        List<File> files = report.summaries().stream().map(ReportJson::file).toList();
        List<Failure> failures = report.failures().stream().map(ReportJson::failure).toList();
        ScanTotals t = report.totals();
        Totals totals = new Totals(t.files(), t.read(), t.failed(), t.tracks(), t.notes(), t.durationSeconds(),
                t.repairs(), t.filesWithRepairs(), t.repairKinds());
        return new Report(SCHEMA_VERSION, "partita " + VersionProvider.version(), options, files, failures, totals,
                report.elapsedMillis());
    }

    private static File file(FileSummary s) {
        return new File(s.path().toString(), s.format(), s.ticksPerQuarter(), s.tracks(), s.notes(), s.programs(),
                s.hasDrums(), s.durationSeconds(), s.tempoChanges(), s.meterChanges(), s.repairs(),
                s.repairKinds());
    }

    private static Failure failure(FileFailure f) {
        return new Failure(f.path().toString(), f.byteOffset(), f.reason());
    }
}
