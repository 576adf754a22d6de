package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.Limits;
import org.partita.cli.pipeline.ResourceGuards;
import org.partita.cli.pipeline.TokenTable;
import org.partita.midi.ReadOptions;
import org.partita.cli.pipeline.TokenizerChoice;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita tokens}: a readable dump of a MIDI file's tokens with bar, beat and note names. */
@Command(name = "tokens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the tokens of a MIDI file, one per line: its number in the sequence, bar and beat, "
                + "the token, and for pitch tokens the note name (C4 = MIDI 60) and the note number.",
                "Bars, beats and notes count from 1; a beat is one denominator note of the meter "
                        + "(an eighth in 6/8), beat 2.50 is halfway through beat 2."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  printed", "  1  other error", "  2  bad usage (including a refused --config)",
                "  3  FILE is not a readable MIDI file"})
final class TokensCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "MIDI file to tokenize.")
    private Path file;

    @Option(names = "--config", paramLabel = "tokenizer.json", description = "Tokenizer config (a saved tokenizer.json).")
    private Path config;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "REMI (default), TSD or MMT with its default "
            + "config, when no --config is given.")
    private String tokenizer;

    @Option(names = "--limit", paramLabel = "N", description = "Print only the first N tokens.")
    private Integer limit;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        }
        Limits limits = limitOptions.get();
        Tokenizer tok;
        try {
            tok = new TokenizerChoice(config, tokenizer).load();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Score score;
        try {
            score = new MidiReader(ReadOptions.defaults().withMaxInputBytes(limits.inputBytes())).read(file).score();
            ResourceGuards.checkTokens(score, limits);
        } catch (MidiFormatException e) {
            spec.commandLine().getErr().println("tokens: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tokens: " + file + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        print(file, TokenTable.of(score, tok, limit == null ? -1 : limit), spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static void print(Path file, TokenTable t, PrintWriter o) {
        o.printf(Locale.ROOT, "# %s: %s with %s (vocabulary %d)%s; bars, beats and notes count from 1%n", file,
                ReportText.count(t.tokenCount(), "token"), t.tokenizerName(), t.vocabularySize(),
                t.rows().size() < t.tokenCount() ? ", first " + t.rows().size() + " shown" : "");
        int width = Math.max(3, String.valueOf(Math.max(0, t.tokenCount() - 1)).length());
        for (TokenTable.Row r : t.rows()) {
            String note = r.note() == 0 ? "" : String.format(Locale.ROOT, "%-4s (note %d)",
                    r.noteName() == null ? "" : r.noteName(), r.note());
            o.println(String.format(Locale.ROOT, "  %" + width + "d  bar %d beat %.2f  %-16s %s", r.index(), r.bar(),
                    r.beat(), r.token(), note).stripTrailing());
        }
        o.flush();
    }
}
