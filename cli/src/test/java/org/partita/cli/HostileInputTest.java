package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.cli.pipeline.RunLock;
import org.partita.midi.MidiWriter;
import org.partita.midi.scan.FileKind;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.training.TokenCorpus;

/**
 * Replays what careless users and hostile files did to the CLI (issue 14): devices, links and FIFOs as inputs
 * and outputs, tiny files that describe huge things, options asking for absurd sizes, concurrent and mismatched
 * runs. Every case is built here in a temp dir, runs in-process under a time limit, and must end with the
 * documented exit code, a message without a stack trace, and nothing changed outside the temp dir.
 */
class HostileInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final String TINY_TRAIN = """
            {"model": {"contextLength": 16, "width": 16, "layers": 1, "heads": 2, "dropout": 0.0},
             "training": {"batchSize": 2, "warmupSteps": 1, "logEvery": 1, "evalEvery": 2, "evalWindows": 4,
                          "checkpointEvery": 0, "validationFraction": 0.25, "threads": 1}}
            """;

    @TempDir
    Path dir;

    private List<String> workingDirectoryBefore;

    @BeforeEach
    void rememberWorkingDirectory() throws IOException {
        workingDirectoryBefore = listing(Path.of("").toAbsolutePath());
    }

    @AfterEach
    void nothingChangedOutsideTheTempDir() throws IOException {
        assertEquals(workingDirectoryBefore, listing(Path.of("").toAbsolutePath()), "the working directory changed");
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(Path.of("/dev/null")), "/dev/null is no longer a device");
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(Path.of("/dev/zero")), "/dev/zero is no longer a device");
    }

    // 1. a device or link at OUT

    @Test
    void everyCommandWritesThroughALinkToDevNullAndLeavesItADevice() throws Exception {
        Path in = goodMidi("in.mid");
        Path devNull = Files.createSymbolicLink(dir.resolve("null-link"), Path.of("/dev/null"));
        Path ids = Files.writeString(dir.resolve("ids.txt"), "Bar_None Position_0 Pitch_60 Velocity_63 Duration_1.0.8");

        assertEquals(0, run("convert", in.toString(), devNull.toString()).exitCode());
        assertEquals(0, run("pianoroll", in.toString(), "--png", devNull.toString(), "--npz", devNull.toString())
                .exitCode());
        assertEquals(0, run("inspect", in.toString(), "--json", devNull.toString()).exitCode());
        assertEquals(0, run("detokenize", "--ids", ids.toString(), "--out", devNull.toString()).exitCode());
        assertEquals(0, run("render", in.toString(), devNull.toString(), "--sample-rate", "8000").exitCode());
        assertEquals(0, run("harmonize", in.toString(), "--out", devNull.toString(), "--gibbs-steps", "2").exitCode());

        assertTrue(Files.isSymbolicLink(devNull));
    }

    @Test
    void harmonizeThroughALinkKeepsTheLinkAndWritesWavAndPngWithTheUmasksPermissions() throws Exception {
        Path in = goodMidi("in.mid");
        Path target = Files.writeString(dir.resolve("target.mid"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.mid"), target.getFileName());

        Run r = run("harmonize", in.toString(), "--out", link.toString(), "--gibbs-steps", "2", "--wav", "--png");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertTrue(Files.size(target) > 100);
        var umask = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        for (String sibling : List.of("link.wav", "link.png")) {
            assertEquals(umask, Files.getPosixFilePermissions(dir.resolve(sibling)), sibling);
        }
    }

    @Test
    void harmonizeToAFifoWithWavIsBadUsageAndLeavesTheFifo() throws Exception {
        Path in = goodMidi("in.mid");
        Path fifo = dir.resolve("pipe.mid");
        mkfifo(fifo);

        Run r = run("harmonize", in.toString(), "--out", fifo.toString(), "--wav");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is a device or FIFO: --wav and --png write OUT.wav and OUT.png beside"), r.toString());
        assertEquals(FileKind.FIFO, FileKind.of(fifo));
    }

    @Test
    void aLinkAtOutIsFollowedAndItsTargetReplaced() throws Exception {
        Path in = goodMidi("in.mid");
        Path target = Files.writeString(dir.resolve("target.mid"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.mid"), target.getFileName());

        Run r = run("convert", in.toString(), link.toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.size(target) > 100);
    }

    @Test
    void outputInAMissingFolderIsRefusedBeforeTheScan() throws Exception {
        Path in = goodMidi("in.mid");
        Run r = run("inspect", in.toString(), "--json", dir.resolve("nodir/r.json").toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--json " + dir.resolve("nodir/r.json") + ": no such directory"), r.toString());
        assertFalse(r.out().contains("total:"), "the scan ran first: " + r);
    }

    // 3 and 4. non-regular inputs: hangs and endless reads

    @Test
    void folderWithAFifoAndALinkToDevZeroReportsBothAndReadsTheGoodFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("corpus"));
        goodMidi("corpus/good.mid");
        mkfifo(folder.resolve("x.mid"));
        Files.createSymbolicLink(folder.resolve("z.mid"), Path.of("/dev/zero"));

        Run inspect = run("inspect", folder.toString());
        assertEquals(3, inspect.exitCode(), inspect.toString());
        assertTrue(inspect.out().contains("total: 3 files, 1 read, 2 failed"), inspect.toString());
        assertTrue(inspect.out().contains("x.mid: skipped: a FIFO (named pipe), not a regular file"), inspect.toString());
        assertTrue(inspect.out().contains("z.mid: skipped: a character device, not a regular file"), inspect.toString());

        Path tokens = dir.resolve("tokens");
        Run tokenize = run("tokenize", folder.toString(), "--out", tokens.toString());
        assertEquals(3, tokenize.exitCode(), tokenize.toString());
        assertEquals(1, TokenCorpus.open(tokens).fileCount());
    }

    @Test
    void namedEndlessDeviceIsRefusedAtTheInputLimit() throws Exception {
        Path zero = Files.createSymbolicLink(dir.resolve("zero.mid"), Path.of("/dev/zero"));

        Run inspect = run("inspect", zero.toString());
        assertEquals(3, inspect.exitCode(), inspect.toString());
        assertTrue(inspect.out().contains("input is more than the limit of 33554432 bytes"), inspect.toString());

        Run convert = run("convert", zero.toString(), dir.resolve("o.mid").toString());
        assertEquals(3, convert.exitCode(), convert.toString());
        assertFalse(Files.exists(dir.resolve("o.mid")));
    }

    // 3. out of memory from tiny inputs

    @Test
    void tinyFileWithHugeDeltaTimesIsAPerFileErrorAndTokenizeGoesOn() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("corpus"));
        goodMidi("corpus/good.mid");
        Path hostile = Files.write(folder.resolve("huge-delta.mid"), hugeDeltaTimes());
        assertEquals(834, Files.size(hostile));

        Run tokens = run("tokens", hostile.toString());
        assertEquals(3, tokens.exitCode(), tokens.toString());
        assertTrue(tokens.err().contains("huge-delta.mid: it would encode to at least 6,710,886,378 tokens"),
                tokens.toString());
        assertTrue(tokens.err().contains("--resource-limit tokens-per-file=N"), tokens.toString());

        Path out = dir.resolve("tokens");
        Run tokenize = run("tokenize", folder.toString(), "--out", out.toString());
        assertEquals(3, tokenize.exitCode(), tokenize.toString());
        assertTrue(tokenize.out().contains("tokenized 1 of 2 files"), tokenize.toString());
        assertEquals(1, TokenCorpus.open(out).fileCount());
    }

    @Test
    void pianoRollOfALongNoteIsRefusedBeforeAllocating() throws Exception {
        Path file = Files.write(dir.resolve("long-note.mid"), longNote());
        assertEquals(37, Files.size(file));

        Run r = run("pianoroll", file.toString(), "--steps-per-quarter", "4", "--png", dir.resolve("x.png").toString());

        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("1,431,655,888 cells"), r.toString());
        assertTrue(r.err().contains("--resource-limit roll-cells=N"), r.toString());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void absurdGenerationSizesAreBadUsageBeforeTheModelIsLoaded() {
        Run tokens = run("generate", "--model", dir.toString(), "--out", dir.resolve("g").toString(),
                "--max-bars", "0", "--max-tokens", "2000000000");
        assertEquals(2, tokens.exitCode(), tokens.toString());
        assertTrue(tokens.err().contains("--max-tokens 2,000,000,000"), tokens.toString());

        Run pieces = run("generate", "--model", dir.toString(), "--out", dir.resolve("g").toString(), "--num", "100000");
        assertEquals(2, pieces.exitCode(), pieces.toString());
        assertTrue(pieces.err().contains("--num 100,000 is above the limit of 256"), pieces.toString());
        assertFalse(Files.exists(dir.resolve("g")));
    }

    @Test
    void hugeBeatResInATokenizerConfigIsRefused() throws Exception {
        Path in = goodMidi("in.mid");
        String remi = org.partita.tokenizers.TokenizerRegistry.standard().createDefault("REMI").configJson()
                .replaceFirst("\"beat_res\"\\s*:\\s*\\{[^}]*\\}", "\"beat_res\":{\"0_100000\":1000}");
        Path config = Files.writeString(dir.resolve("tokenizer.json"), remi);

        Run r = run("tokens", in.toString(), "--config", config.toString());

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("beat range 0_100000 at 1000 positions per beat"), r.toString());
    }

    @Test
    void modelOfTenThousandLayersIsRefusedBeforeTraining() throws Exception {
        Path data = TrainCommandTest.corpus(dir.resolve("tokens"));
        Path config = Files.writeString(dir.resolve("train.json"), "{\"model\": {\"layers\": 10000}}");

        Run r = run("train", "--data", data.toString(), "--out", dir.resolve("run").toString(), "--config",
                config.toString());

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--resource-limit model-parameters=N"), r.toString());
        assertFalse(Files.exists(dir.resolve("run").resolve("last")));
    }

    // 2 and 6. runs: another vocabulary, concurrent use

    @Test
    void resumeAndBaselineOnACorpusWithAnotherTokenizerConfigAreRefused() throws Exception {
        Path data = TrainCommandTest.corpus(dir.resolve("tokens"));
        Files.writeString(data.resolve("tokenizer.json"), "{\"tokenization\": \"REMI\", \"config\": {\"a\": 1}}");
        Path other = TrainCommandTest.corpus(dir.resolve("other"));
        Files.writeString(other.resolve("tokenizer.json"), "{\"tokenization\": \"REMI\", \"config\": {\"a\": 2}}");
        Path run = dir.resolve("run");
        Path config = Files.writeString(dir.resolve("train.json"), TINY_TRAIN);
        Run first = run("train", "--data", data.toString(), "--out", run.toString(), "--config", config.toString(),
                "--steps", "4", "--stop-after", "2");
        assertEquals(0, first.exitCode(), first.toString());
        String tokenizerBefore = Files.readString(run.resolve("last/tokenizer.json"));

        Run resume = run("train", "--data", other.toString(), "--out", run.toString(), "--resume");
        assertEquals(3, resume.exitCode(), resume.toString());
        assertTrue(resume.err().contains("its tokenizer.json differs"), resume.toString());
        assertEquals(tokenizerBefore, Files.readString(run.resolve("last/tokenizer.json")));

        Run baseline = run("baseline", "--data", other.toString(), "--run", run.toString());
        assertEquals(3, baseline.exitCode(), baseline.toString());
        assertTrue(baseline.err().contains("is not the corpus of the run"), baseline.toString());
    }

    @Test
    void secondTrainOnALockedRunIsRefusedAndADeadOwnersLockIsTakenOver() throws Exception {
        Path data = TrainCommandTest.corpus(dir.resolve("tokens"));
        Path run = dir.resolve("run");
        Path config = Files.writeString(dir.resolve("train.json"), TINY_TRAIN);
        assertEquals(0, run("train", "--data", data.toString(), "--out", run.toString(), "--config", config.toString(),
                "--steps", "4", "--stop-after", "2").exitCode());

        try (RunLock held = RunLock.acquire(run)) {
            Run second = run("train", "--data", data.toString(), "--out", run.toString(), "--resume");
            assertEquals(1, second.exitCode(), second.toString());
            assertTrue(second.err().contains("is in use by process " + ProcessHandle.current().pid() + "@"),
                    second.toString());
        }
        Files.writeString(run.resolve(RunLock.FILE), deadPid() + "@" + java.net.InetAddress.getLocalHost().getHostName());
        Run resumed = run("train", "--data", data.toString(), "--out", run.toString(), "--resume");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertFalse(Files.exists(run.resolve(RunLock.FILE)), "the lock was not released");
    }

    // 5. WAV

    @Test
    void audioTooLongForTheLimitOrForAWavFileIsRefusedBeforeRendering() throws Exception {
        Path in = Files.write(dir.resolve("slow.mid"), slowMidi());
        Path wav = dir.resolve("slow.wav");

        Run hour = run("render", in.toString(), wav.toString());
        assertEquals(3, hour.exitCode(), hour.toString());
        assertTrue(hour.err().contains("above --max-seconds 3600"), hour.toString());

        Run format = run("render", in.toString(), wav.toString(), "--max-seconds", "100000", "--sample-rate", "192000");
        assertEquals(3, format.exitCode(), format.toString());
        assertTrue(format.err().contains("bytes a WAV file can hold"), format.toString());
        assertFalse(Files.exists(wav));
    }

    // 7. smaller things

    @Test
    void emptyPathAndContradictoryOptionsAreBadUsage() throws Exception {
        Path in = goodMidi("in.mid");
        Run empty = run("inspect", "");
        assertEquals(2, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("empty path"), empty.toString());

        Run tpq = run("convert", in.toString(), dir.resolve("o.mid").toString(), "--tpq", "480", "--keep-tpq");
        assertEquals(2, tpq.exitCode(), tpq.toString());
        assertTrue(tpq.err().contains("--tpq 480 and --keep-tpq contradict each other"), tpq.toString());
    }

    @Test
    void fileNameWithANewlineStaysOnOneLine() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("corpus"));
        goodMidi("corpus/bad\nname.mid");

        Run r = run("inspect", folder.toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("bad\\nname.mid\n"), r.toString());
        assertEquals(3, r.out().lines().count(), r.toString()); // header, one file, totals
    }

    // helpers

    private Run run(String... args) {
        // PyTorch's grad mode is per thread, and DJL's training breaks on the fresh thread a preemptive timeout
        // runs in; training runs here are tiny, so they are timed on this thread instead.
        Run r = args[0].equals("train")
                ? Assertions.assertTimeout(LIMIT, () -> Run.partita(args), () -> String.join(" ", args))
                : Assertions.assertTimeoutPreemptively(LIMIT, () -> Run.partita(args), () -> String.join(" ", args));
        for (String text : List.of(r.out(), r.err())) {
            assertFalse(text.contains("\tat ") || text.contains("Exception in thread"), "stack trace: " + r);
        }
        return r;
    }

    private Path goodMidi(String name) throws IOException {
        Path file = dir.resolve(name);
        MidiWriter.write(SyntheticCorpus.generate(3, 1).get(0), file, 480);
        return file;
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor(), "mkfifo");
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** tpq 1; 100 text events each after the largest delta time (0x0FFFFFFF); then one note: 834 bytes. */
    static byte[] hugeDeltaTimes() throws IOException {
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            events.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, (byte) 0xFF, 0x01, 0x01, 'a'});
        }
        events.write(new byte[] {0x00, (byte) 0x90, 0x3C, 0x40, 0x01, (byte) 0x80, 0x3C, 0x00, 0x00, (byte) 0xFF, 0x2F, 0x00});
        return smf(1, events.toByteArray());
    }

    /** tpq 96, one note whose note-off is 0x0FFFFFFF ticks later: 37 bytes. */
    static byte[] longNote() throws IOException {
        return smf(96, new byte[] {0x00, (byte) 0x90, 0x3C, 0x40, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F,
                (byte) 0x80, 0x3C, 0x00, 0x00, (byte) 0xFF, 0x2F, 0x00});
    }

    /** tpq 1, the slowest tempo (16.8 s per quarter), one note of 600 quarters: 10,066 s of music. */
    static byte[] slowMidi() throws IOException {
        return smf(1, new byte[] {0x00, (byte) 0xFF, 0x51, 0x03, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                0x00, (byte) 0x90, 0x3C, 0x40, (byte) 0x84, 0x58, (byte) 0x80, 0x3C, 0x00, 0x00, (byte) 0xFF, 0x2F, 0x00});
    }

    private static byte[] smf(int ticksPerQuarter, byte[] track) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, (byte) (ticksPerQuarter >> 8),
                (byte) ticksPerQuarter, 'M', 'T', 'r', 'k'});
        out.write(new byte[] {(byte) (track.length >>> 24), (byte) (track.length >>> 16), (byte) (track.length >>> 8),
                (byte) track.length});
        out.write(track);
        return out.toByteArray();
    }
}
