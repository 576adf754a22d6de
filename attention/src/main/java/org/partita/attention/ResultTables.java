package org.partita.attention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a result as {@code attention.csv}, {@code attention.json}, {@code heads.csv},
 * {@code instruments.csv} and {@code summary.txt}. Numbers are written with {@link Double#toString}
 * (shortest text that reads back to the same double); NaN is an empty cell (JSON null).
 */
public final class ResultTables {

    /** The header of attention.csv. */
    public static final String CSV_HEADER = "field,layer,head,k,gamma,baseline,diff,ratio,pairs,ci_low,ci_high,baseline_name,unit";

    private ResultTables() {
    }

    /** Writes all tables into {@code dir} (created if needed). */
    public static void writeAll(AttentionResult r, RunInfo run, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeCsv(r, dir.resolve("attention.csv"));
        writeJson(r, run, dir.resolve("attention.json"));
        writeHeads(r, dir.resolve("heads.csv"));
        if (!r.instruments().isEmpty()) {
            writeInstruments(r, dir.resolve("instruments.csv"));
        }
        Files.writeString(dir.resolve("summary.txt"), SummaryText.of(r, run), StandardCharsets.UTF_8);
    }

    /** attention.csv; ci_low/ci_high are the interval of the gain (diff). */
    public static void writeCsv(AttentionResult r, Path file) throws IOException {
        String baseline = r.settings().baseline().label();
        String unit = r.settings().unit().label();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER + "\n");
            for (RelativeRow x : r.rows()) {
                out.write(String.join(",", x.field().label(), Integer.toString(x.layer()), x.headLabel(),
                        Integer.toString(x.k()), num(x.gamma()), num(x.baseline()), num(x.diff()), num(x.ratio()),
                        Long.toString(x.pairs()), num(x.diffLow()), num(x.diffHigh()), baseline, unit) + "\n");
            }
        }
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    public static void writeHeads(AttentionResult r, Path file) throws IOException {
        List<Field> fields = r.settings().fields();
        StringBuilder header = new StringBuilder("layer,head,entropy,previous_token_share,previous_note_share,non_note_share,"
                + "mean_distance_beats");
        for (Field f : fields) {
            String p = f.label().replace('-', '_');
            header.append(',').append(p).append("_peak_k,").append(p).append("_peak_diff,").append(p).append("_peak_ci_low,")
                    .append(p).append("_peak_ci_high");
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + ",baseline_name,unit\n");
            for (HeadSummary h : r.headSummaries()) {
                StringBuilder sb = new StringBuilder();
                sb.append(h.layer()).append(',').append(h.headLabel()).append(',').append(num(h.entropy())).append(',')
                        .append(num(h.previousTokenShare())).append(',').append(num(h.previousNoteShare())).append(',')
                        .append(num(h.nonNoteShare())).append(',').append(num(h.meanDistanceBeats()));
                for (Field f : fields) {
                    HeadSummary.Peak p = h.largestGain().get(f);
                    if (p == null) {
                        sb.append(",,,,");
                    } else {
                        sb.append(',').append(p.k()).append(',').append(num(p.diff())).append(',').append(num(p.diffLow()))
                                .append(',').append(num(p.diffHigh()));
                    }
                }
                sb.append(',').append(r.settings().baseline().label()).append(',').append(r.settings().unit().label());
                out.write(sb.append('\n').toString());
            }
        }
    }

    public static void writeInstruments(AttentionResult r, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("layer,head,query_program,key_program,share,baseline_share,baseline_name,unit\n");
            for (InstrumentShare s : r.instruments()) {
                out.write(s.layer() + "," + s.head() + "," + s.queryProgram() + "," + s.keyProgram() + "," + num(s.share()) + ","
                        + num(s.baselineShare()) + "," + r.settings().baseline().label() + "," + r.settings().unit().label() + "\n");
            }
        }
    }

    public static void writeJson(AttentionResult r, RunInfo run, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "partita-attention");
        root.put("formatVersion", 1);
        ObjectNode s = root.putObject("settings");
        AnalysisSettings st = r.settings();
        ArrayNode fields = s.putArray("fields");
        st.fields().forEach(f -> fields.add(f.label()));
        s.put("unit", st.unit().label());
        s.put("baseline", st.baseline().label());
        ArrayNode layers = s.putArray("layers");
        r.layers().forEach(layers::add);
        s.put("bootstrap", st.bootstrapSamples());
        s.put("bootstrapSeed", st.seed());
        s.put("confidence", st.confidence());
        s.put("percentileMethod", "Hyndman-Fan 7 (numpy linear)");
        ObjectNode src = root.putObject("run");
        src.put("model", run.model());
        src.put("data", run.data());
        src.put("attributes", run.attributes());
        src.put("sequences", r.sequences());
        src.put("tokens", r.tokens());
        src.put("maxLength", run.maxLength());
        src.put("sequenceSeed", run.sequenceSeed());
        src.put("pitchTokens", run.pitchTokens());
        src.put("heads", r.heads());
        ObjectNode versions = src.putObject("versions");
        run.versions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> versions.put(e.getKey(), e.getValue()));
        ArrayNode rows = root.putArray("rows");
        for (RelativeRow x : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("field", x.field().label());
            o.put("layer", x.layer());
            o.put("head", x.headLabel());
            o.put("k", x.k());
            put(o, "gamma", x.gamma());
            put(o, "baseline", x.baseline());
            put(o, "diff", x.diff());
            put(o, "ratio", x.ratio());
            o.put("pairs", x.pairs());
            put(o, "gammaCiLow", x.gammaLow());
            put(o, "gammaCiHigh", x.gammaHigh());
            put(o, "diffCiLow", x.diffLow());
            put(o, "diffCiHigh", x.diffHigh());
        }
        mapper.writeValue(file.toFile(), root);
    }

    private static void put(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
