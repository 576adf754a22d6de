package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.RollFiles;
import org.partita.training.roll.RollCheckpointInfo;
import org.partita.training.roll.RollEvaluation;
import org.partita.training.roll.RollModel;
import org.partita.training.roll.RollModels;
import org.partita.training.roll.VoiceRoll;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita roll-eval}: negative log-likelihood of four-voice files under a piano-roll model and a baseline. */
@Command(name = "roll-eval", mixinStandardHelpOptions = true,
        description = {"Negative log-likelihood (nats) per frame cell and per note of four-voice MIDI files under a "
                + "piano-roll model, beside a per-voice pitch-frequency baseline. See docs/pianoroll-model.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done (files the model cannot use are listed on stderr)", "  1  other error", "  2  bad usage",
                "  3  no usable file"})
public final class RollEvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATA", arity = "1..*", description = "MIDI files or directories.")
    private List<Path> data;

    @Option(names = "--model", paramLabel = "DIR", description = "Model (default: the shipped chorale model).")
    private Path model;

    @Option(names = "--held-out", description = "Only the pieces the model's training run held out for validation "
            + "(matched by file name against its config.json).")
    private boolean heldOut;

    @Option(names = "--masks", paramLabel = "N", defaultValue = "4", description = "Random masks per piece and view (default: ${DEFAULT-VALUE}).")
    private int masks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Mask seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", paramLabel = "F", description = "Also write the figures as JSON.")
    private Path json;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RollFiles.Loaded loaded = RollFiles.load(data, 4);
        for (String p : loaded.problems()) {
            err.println("roll-eval: skipped " + p);
        }
        List<VoiceRoll> pieces = new ArrayList<>(loaded.corpus().pieces());
        if (heldOut) {
            Path dir = model == null ? null : RollModels.checkpointDir(model);
            if (dir == null) {
                err.println("roll-eval: --held-out needs --model (the shipped model's held-out list is in docs/pianoroll-model.md)");
                err.flush();
                return ExitCodes.USAGE;
            }
            RollCheckpointInfo info = RollModels.readInfo(dir);
            Set<String> names = new java.util.HashSet<>();
            info.split().validationSources().forEach(s -> names.add(Path.of(s).getFileName().toString() + "@" + Path.of(s).getParent().getFileName()));
            pieces.clear();
            for (int i = 0; i < loaded.corpus().size(); i++) {
                Path src = Path.of(loaded.corpus().sources().get(i));
                if (names.contains(src.getFileName().toString() + "@" + src.getParent().getFileName())) {
                    pieces.add(loaded.corpus().pieces().get(i));
                }
            }
        }
        if (pieces.isEmpty()) {
            err.println("roll-eval: no usable four-voice piece in " + data);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        RollEvaluation.Result r;
        org.partita.training.DjlRuntime.engine(1);
        try (RollModel m = model == null ? RollModels.loadDefault() : RollModels.load(model)) {
            r = RollEvaluation.evaluate(m, pieces, masks, seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("roll-eval: %d files; model: %.4f nats per frame cell, %.4f per note; baseline (per-voice pitch "
                + "frequencies): %.4f per cell, %.4f per note%n", r.pieces(), r.frameNll(), r.noteNll(),
                r.baselineFrameNll(), r.baselineNoteNll());
        out.flush();
        if (json != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("files", r.pieces());
            o.put("frame_nll", r.frameNll());
            o.put("note_nll", r.noteNll());
            o.put("baseline_frame_nll", r.baselineFrameNll());
            o.put("baseline_note_nll", r.baselineNoteNll());
            o.put("masks_per_piece", masks);
            o.put("seed", seed);
            Files.writeString(json, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(o) + "\n");
        }
        return ExitCodes.OK;
    }
}
