package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.partita.cli.pipeline.DetokenizeConfig;
import org.partita.cli.pipeline.DetokenizeResult;
import org.partita.cli.pipeline.Detokenization;
import org.partita.cli.pipeline.TokenizerChoice;
import org.partita.midi.scan.FileKind;
import org.partita.symbolic.Score;
import org.partita.tokenizers.DecodeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita detokenize}: token ids (a corpus piece or an id file) back to a MIDI file. */
@Command(name = "detokenize", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Turn token ids back into a MIDI file (480 ticks per quarter) and print the decode report: "
                + "how many ids broke the tokenizer's rules, by kind (decoding never fails; see docs/tokenizers.md).",
                "Either one piece of a token corpus: --corpus DIR with --file N (0-based, index.json order) or "
                        + "--source PATH (as recorded in index.json); the corpus's tokenizer.json decodes.",
                "Or an id file: --ids FILE (.npy int32, .bin int32 little-endian, or text: ids or token strings "
                        + "separated by whitespace) with --config tokenizer.json or --tokenizer NAME (default REMI)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  written (even when the decode report lists rule breaks)",
                "  1  other error (e.g. the MIDI file cannot be written)",
                "  2  bad usage (no such piece, id file content that is not ids, refused config)",
                "  3  the id file or the token corpus is missing"})
final class DetokenizeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Token corpus directory written by tokenize.")
    private Path corpus;

    @Option(names = "--file", paramLabel = "N", description = "Piece index in the corpus (0-based).")
    private Integer fileIndex;

    @Option(names = "--source", paramLabel = "PATH", description = "Piece source path as recorded in index.json.")
    private String source;

    @Option(names = "--ids", paramLabel = "FILE", description = "Id file: .npy, .bin or text.")
    private Path ids;

    @Option(names = "--config", paramLabel = "tokenizer.json", description = "Tokenizer config of --ids.")
    private Path config;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Tokenizer of --ids without --config "
            + "(REMI default, TSD, MMT), default config.")
    private String tokenizer;

    @Option(names = "--out", required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String missing = ids != null && !Files.isRegularFile(ids) ? "--ids " + ids + ": " + (Files.exists(ids)
                ? FileKind.of(ids) + ", not an id file" : "no such file")
                : corpus != null && !Files.isRegularFile(corpus.resolve("index.json")) ? "--corpus " + corpus
                        + ": no token corpus there (no index.json)" : null;
        if (missing != null) {
            err.println("detokenize: " + missing);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        DetokenizeResult result;
        try {
            result = Detokenization.run(new DetokenizeConfig(corpus, fileIndex, source, ids,
                    new TokenizerChoice(config, tokenizer), out));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        print(result, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private static void print(DetokenizeResult r, PrintWriter o) {
        Score s = r.decoded().score();
        o.printf(Locale.ROOT, "decoded %s from %s with %s: %s in %s -> %s%n", ReportText.count(r.tokens(), "token"),
                r.what(), r.tokenizerName(), ReportText.count(s.noteCount(), "note"),
                ReportText.count(s.tracks().size(), "track"), r.out());
        DecodeReport report = r.decoded().report();
        if (report.isClean()) {
            o.println("decode report: no rule broken");
        } else {
            o.printf("decode report: %s broke the rules:%n", ReportText.count(report.total(), "token"));
            for (Map.Entry<DecodeReport.Violation, Integer> e : report.counts().entrySet()) {
                o.printf(Locale.ROOT, "  %-28s %6d%n", e.getKey(), e.getValue());
            }
        }
        o.flush();
    }
}
