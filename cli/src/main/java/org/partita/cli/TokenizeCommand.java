package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.CorpusTokenization;
import org.partita.cli.pipeline.Limits;
import org.partita.cli.pipeline.OutputDirectory;
import org.partita.cli.pipeline.TokenizationConfig;
import org.partita.cli.pipeline.TokenizationResult;
import org.partita.cli.pipeline.TokenizerChoice;
import org.partita.midi.ReadOptions;
import org.partita.midi.scan.FileFailure;
import org.partita.tokenizers.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code partita tokenize}: MIDI files to a token corpus directory (shards of ids + index.json). */
@Command(name = "tokenize", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Tokenize MIDI files into a token corpus directory: shard-NNNNN.bin (int32 little-endian "
                + "ids, memory-mappable), index.json (per file: source, sha1, shard, offset, length, notes), "
                + "tokenizer.json and failures.json. See docs/file-formats.md.",
                "Directories are searched recursively for .mid .midi .kar .rmi. Files are read and encoded in "
                        + "parallel and written in input order, so the output does not depend on --threads.",
                "Files that cannot be read are reported at the end and skipped; the others are all written.",
                "Without --config, the default config of --tokenizer (REMI: REMI+ with programs, tempos, "
                        + "time signatures, drum pitches) is used and saved as OUT/tokenizer.json."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every file was tokenized", "  1  other error (e.g. OUT cannot be written)",
                "  2  bad usage (including a refused --config)",
                "  3  one or more files failed (all others were written; see OUT/failures.json)"})
final class TokenizeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "MIDI files or directories.")
    private List<Path> paths;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Token corpus directory to write.")
    private Path out;

    @Option(names = "--config", paramLabel = "tokenizer.json",
            description = "Tokenizer config (a saved tokenizer.json or MidiTok file); its \"tokenization\" "
                    + "field says which tokenizer.")
    private Path config;

    @Option(names = "--tokenizer", paramLabel = "NAME",
            description = "REMI (default), TSD or MMT, with its default config, when no --config is given.")
    private String tokenizer;

    @Option(names = "--text", description = "Also write OUT/text/<relative path>.txt, one token string per line.")
    private boolean text;

    @Option(names = "--strict", description = "Refuse files that break the MIDI specification "
            + "instead of repairing them.")
    private boolean strict;

    @Option(names = "--threads", paramLabel = "N",
            description = "Files read and encoded at once (default: number of processors, ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--overwrite", description = "Replace a token corpus already in OUT.")
    private boolean overwrite;

    @Option(names = "--stats", description = "Print files/s and the JVM's peak heap use on stderr at the end.")
    private boolean stats;

    @Mixin
    private LimitOptions limitOptions;

    @Override
    public Integer call() throws Exception {
        TokenizeConfig c = config();
        Limits limits = limitOptions.get();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tokenizer tok;
        try {
            tok = c.tokenizer().load();
            CorpusTokenization.checkTokenizer(tok);
            OutputDirectory.prepare(c.out(), c.overwrite());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        TokenizationConfig job = TokenizationConfig.defaults(c.paths(), c.out(), tok).withThreads(c.threads())
                .withPiecesInFlight(4 * c.threads()).withWriteText(c.text())
                .withReadOptions(ReadOptions.defaults().withStrict(c.strict()).withMaxInputBytes(limits.inputBytes()))
                .withLimits(limits);

        TokenizationResult result;
        try (ProgressDisplay progress = ProgressDisplay.onStderr("tokenize", err)) {
            result = CorpusTokenization.run(job, progress);
        }

        o.printf(Locale.ROOT, "tokenized %d of %s with %s (vocabulary %d): %s, %s, %s in %s%n", result.tokenized(),
                ReportText.count(result.files(), "file"), tok.name(), tok.vocabulary().size(),
                ReportText.count(result.tokens(), "token"), ReportText.count(result.notes(), "note"),
                ReportText.count(result.shards(), "shard"), c.out());
        if (result.hasFailures()) {
            o.printf("%nFailed files (%d), also in %s:%n", result.failures().size(),
                    c.out().resolve(CorpusTokenization.FAILURES_FILE));
            for (FileFailure f : result.failures()) {
                o.println("  " + ReportText.describe(f));
            }
        }
        o.flush();
        if (result.files() == 0) {
            err.println("tokenize: no MIDI files (.mid .midi .kar .rmi) found under " + c.paths());
        }
        if (result.tokenized() == 0) {
            err.println("tokenize: no file was tokenized, so no index.json was written in " + c.out());
        }
        err.printf(Locale.ROOT, "tokenize: %s in %.2f s on %s (%.1f files/s)%n", ReportText.count(result.files(), "file"),
                result.elapsedMillis() / 1000.0, ReportText.count(c.threads(), "thread"),
                result.files() * 1000.0 / Math.max(1, result.elapsedMillis()));
        if (c.stats()) {
            err.printf(Locale.ROOT, "tokenize: peak heap used %.1f MiB (sum of pool peaks, an upper bound) of max %.1f MiB%n",
                    HeapPeak.bytes() / 1048576.0, HeapPeak.maxBytes() / 1048576.0);
        }
        err.flush();
        return result.hasFailures() || result.tokenized() == 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private TokenizeConfig config() {
        try {
            return new TokenizeConfig(paths, out, new TokenizerChoice(config, tokenizer), text, strict, threads,
                    overwrite, stats);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
