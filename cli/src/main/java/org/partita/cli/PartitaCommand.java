package org.partita.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code partita} command: holds the subcommands and the global options. */
@Command(name = "partita",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Partita: a toolkit for symbolic music (MIDI files, tokens, models).",
        subcommands = {InspectCommand.class, ConvertCommand.class, PianorollCommand.class, DemoCommand.class, EvaluateCommand.class,
                TokenizeCommand.class, DetokenizeCommand.class, TokensCommand.class,
                TrainCommand.class, BaselineCommand.class, GenerateCommand.class, RenderCommand.class,
                SketchCommand.class, StaccatoCommand.class, AttentionCommand.class, StudioCommand.class,
                TrainRollCommand.class, RollEvalCommand.class, HarmonizeCommand.class, InfillCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  any other error (a one-line message; --verbose adds the stack trace)",
                "  2  bad usage", "  3  one or more bad input files (all are reported first)",
                "", "See docs/cli.md for the full reference."})
public final class PartitaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    private boolean verbose;

    /** The {@code partita} command line with Partita's exit codes and error handling. */
    public static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new PartitaCommand());
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setParameterExceptionHandler(new UsageErrorHandler());
        cmd.setUsageHelpAutoWidth(true);
        // Path.of("") is the current directory: an empty argument (an unset shell variable) must not mean "here"
        cmd.registerConverter(Path.class, text -> {
            if (text.isEmpty()) {
                throw new CommandLine.TypeConversionException("empty path; name a file or folder ('.' for this one)");
            }
            return Path.of(text);
        });
        return cmd;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
