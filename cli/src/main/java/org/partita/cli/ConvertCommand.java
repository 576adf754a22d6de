package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.cli.pipeline.OutputTarget;
import org.partita.midi.MidiWriter;
import org.partita.midi.ReadOptions;
import org.partita.midi.ReadResult;
import org.partita.midi.Repair;
import org.partita.midi.WriteOptions;
import org.partita.symbolic.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita convert}: reads a MIDI file and writes it back out, normalised. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read a MIDI file and write it again, normalised: what Partita reads, repaired where "
                + "the lenient reader repairs, optionally at another resolution."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  converted", "  1  other error (e.g. OUT cannot be written)", "  2  bad usage (also an output path that is a directory or in a missing folder)",
                "  3  IN is not a readable MIDI file"})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "MIDI file to read.")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "MIDI file to write (replaced if it exists).")
    private Path out;

    @Option(names = "--tpq", paramLabel = "N",
            description = "Ticks per quarter note to write at, 1..32767 (default: ${DEFAULT-VALUE}, the usual DAW "
                    + "resolution); notes are rescaled exactly (round half up).",
            defaultValue = "480")
    private Integer ticksPerQuarter;

    @Option(names = "--keep-tpq", description = "Write at IN's own resolution instead (loses nothing).")
    private boolean keepTicksPerQuarter;

    @Option(names = "--strict", description = "Refuse an IN that breaks the MIDI specification instead of "
            + "repairing it.")
    private boolean strict;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws Exception {
        ConvertConfig config = config();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputTarget target = outputTarget(config.out());

        ReadResult result;
        try {
            result = new MidiReader(ReadOptions.defaults().withStrict(config.strict())
                    .withMaxInputBytes(limitOptions.get().inputBytes())).read(config.in());
        } catch (MidiFormatException e) {
            err.println("convert: cannot read " + config.in() + ": "
                    + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        Score score = result.score();
        int tpq = config.ticksPerQuarter().orElse(score.ticksPerQuarter());
        byte[] bytes = MidiWriter.toBytes(score, new WriteOptions(tpq));
        target.writeBytes(bytes);

        stdout.printf("read  %s: format %d, %d ticks per quarter, %s, %s, %s%n", config.in(),
                result.report().format(), score.ticksPerQuarter(),
                ReportText.count(score.tracks().size(), "track"), ReportText.count(score.noteCount(), "note"),
                ReportText.count(result.report().totalRepairs(), "repair"));
        for (Map.Entry<Repair.Kind, Integer> e : result.report().repairCounts().entrySet()) {
            stdout.printf("      repaired %s: %d%n", e.getKey(), e.getValue());
        }
        stdout.printf("wrote %s: %d ticks per quarter, %d bytes%n", config.out(), tpq, bytes.length);
        stdout.flush();
        return ExitCodes.OK;
    }

    private OutputTarget outputTarget(Path path) {
        try {
            return OutputTarget.of(path, "OUT");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private ConvertConfig config() {
        try {
            if (keepTicksPerQuarter && spec.commandLine().getParseResult().hasMatchedOption("--tpq")) {
                throw new IllegalArgumentException("--tpq " + ticksPerQuarter + " and --keep-tpq contradict each other; "
                        + "give one of them");
            }
            OptionalInt tpq = keepTicksPerQuarter ? OptionalInt.empty() : OptionalInt.of(ticksPerQuarter);
            return new ConvertConfig(in, out, tpq, strict);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
