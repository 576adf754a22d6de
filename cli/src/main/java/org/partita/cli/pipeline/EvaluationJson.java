package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.partita.evaluation.Metric;
import org.partita.evaluation.compare.MetricComparison;
import org.partita.evaluation.memorisation.MemorisationSettings;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.evaluation.memorisation.Passage;
import org.partita.midi.scan.FileFailure;

/**
 * {@code partita evaluate --json}: {@code {"settings", "pieces": [{"file", "metrics", "memorisation"}],
 * "comparison", "failures"}}, metric names as MusPy's functions, NaN and infinities written as null.
 */
public final class EvaluationJson {

    /** Bumped when the layout changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<Metric> COUNTS = EnumSet.of(Metric.PITCH_RANGE,
            Metric.N_PITCHES_USED, Metric.N_PITCH_CLASSES_USED);

    private EvaluationJson() {
    }

    public static void write(EvaluationResult r, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        OutputTarget.of(file).writeBytes(json.writeValueAsBytes(tree(json, r)));
    }

    static ObjectNode tree(ObjectMapper json, EvaluationResult r) {
        ObjectNode root = json.createObjectNode();
        ObjectNode settings = root.putObject("settings");
        settings.put("format_version", FORMAT_VERSION);
        var m = r.settings().metrics();
        settings.put("steps_per_quarter", m.stepsPerQuarter() == 0 ? "file" : String.valueOf(m.stepsPerQuarter()));
        settings.put("polyphony_threshold", m.polyphonyThreshold());
        settings.put("drum_meter", m.drumMeter().name().toLowerCase(Locale.ROOT));
        settings.put("muspy_compatible", m.muspyCompatible());
        ArrayNode refs = settings.putArray("reference");
        r.settings().reference().forEach(p -> refs.add(p.toString()));
        settings.put("comparison_max_pairs", r.settings().comparison().maxPairs());
        settings.put("comparison_seed", r.settings().comparison().seed());
        if (r.memorisation() != null) {
            MemorisationSettings ms = r.memorisation();
            ObjectNode memo = settings.putObject("memorisation");
            memo.put("index", r.settings().memorisation().toString());
            memo.put("steps_per_quarter", ms.stepsPerQuarter());
            memo.put("seed_notes", ms.seedNotes());
            memo.put("min_bars", ms.minBars());
            memo.put("min_notes", ms.minNotes());
            memo.put("melody_only", r.settings().melodyOnly());
        }
        ArrayNode pieces = root.putArray("pieces");
        for (PieceEvaluation p : r.pieces()) {
            ObjectNode piece = pieces.addObject();
            piece.put("file", p.file().toString());
            ObjectNode metrics = piece.putObject("metrics");
            for (Metric metric : Metric.values()) {
                double v = p.metrics().get(metric);
                if (COUNTS.contains(metric)) {
                    metrics.put(metric.jsonName(), (long) v); // pitch counts and range are whole numbers
                } else {
                    number(metrics, metric.jsonName(), v);
                }
            }
            if (!Double.isNaN(p.grammarErrorRate())) {
                number(metrics, "grammar_error_rate", p.grammarErrorRate());
            }
            if (p.memorisation() != null) {
                verdict(piece.putObject("memorisation"), p.memorisation());
            }
        }
        if (r.comparison().isEmpty()) {
            root.putNull("comparison");
        } else {
            ObjectNode comparison = root.putObject("comparison");
            for (Map.Entry<Metric, MetricComparison> e : new TreeMap<>(r.comparison()).entrySet()) {
                MetricComparison c = e.getValue();
                ObjectNode o = comparison.putObject(e.getKey().jsonName());
                o.put("generated_count", c.generatedCount());
                o.put("reference_count", c.referenceCount());
                number(o, "generated_mean", c.generatedMean());
                number(o, "generated_sd", c.generatedSd());
                number(o, "reference_mean", c.referenceMean());
                number(o, "reference_sd", c.referenceSd());
                number(o, "intra_generated_mean", c.intraGeneratedMean());
                number(o, "intra_generated_sd", c.intraGeneratedSd());
                number(o, "intra_reference_mean", c.intraReferenceMean());
                number(o, "intra_reference_sd", c.intraReferenceSd());
                number(o, "inter_mean", c.interMean());
                number(o, "inter_sd", c.interSd());
                number(o, "overlap_area", c.overlapArea());
                number(o, "kl_divergence", c.klDivergence());
            }
        }
        ArrayNode failures = root.putArray("failures");
        for (FileFailure f : r.failures()) {
            ObjectNode o = failures.addObject();
            o.put("file", f.path().toString());
            o.put("reason", (f.byteOffset() >= 0 ? "at byte " + f.byteOffset() + ": " : "") + f.reason());
        }
        return root;
    }

    private static void verdict(ObjectNode o, MemorisationVerdict v) {
        o.put("flagged", v.flagged());
        if (v.longest() == null) {
            o.putNull("longest");
        } else {
            passage(o.putObject("longest"), v.longest());
        }
        ArrayNode copied = o.putArray("copied");
        v.copied().forEach(p -> passage(copied.addObject(), p));
    }

    private static void passage(ObjectNode o, Passage p) {
        o.put("bars", Math.round(p.bars() * 100) / 100.0);
        o.put("notes", p.notes());
        o.put("source", p.source());
        o.putArray("source_bars").add(p.sourceFirstBar()).add(p.sourceLastBar());
        o.put("first_bar", p.firstBar());
        o.put("line", p.line());
        o.put("source_line", p.sourceLine());
        o.put("transposition", p.transposition());
    }

    private static void number(ObjectNode o, String name, double value) {
        if (Double.isFinite(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
    }
}
