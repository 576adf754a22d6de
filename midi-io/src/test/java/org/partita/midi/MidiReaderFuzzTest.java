package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.Track;

/**
 * Fuzz tests of the {@link MidiReader} guarantee: on any bytes, {@code read} returns a result whose
 * score and report keep the reader's invariants, or throws {@link MidiFormatException} naming the
 * source and an offset inside the input; never another exception, an "internal reader error", a
 * hang or an out-of-memory error.
 *
 * <p>Two modes (Jazzer's JUnit integration):
 * <ul>
 *   <li>Regression (plain {@code ./mvnw verify}): each method runs once per file in
 *       {@code src/test/resources/org/partita/midi/MidiReaderFuzzTestInputs/<method>/}: the seeds
 *       written by {@link FuzzSeeds} and every crash input Jazzer ever saved there.</li>
 *   <li>Fuzzing ({@code midi-io/fuzz.sh MINUTES}, which sets {@code JAZZER_FUZZ=1}): one method is
 *       fuzzed; new coverage goes to {@code midi-io/.cifuzz-corpus/} (gitignored), failing inputs to
 *       the Inputs directory above, so they replay as regressions once committed.</li>
 * </ul>
 *
 * <p>{@code @Timeout} is both the JUnit time limit per input in regression mode (in a separate
 * thread, so a hanging input fails after 10 s instead of blocking the build) and, translated by
 * Jazzer into libFuzzer's {@code -timeout}, the per-input limit while fuzzing: a slower input is a
 * finding (a hang). Correct inputs take well under a millisecond, so the limit is a hang detector,
 * not a performance test; {@code fuzz.sh} turns JUnit's enforcement off because the whole fuzzing
 * run is one JUnit invocation.
 */
class MidiReaderFuzzTest {

    /** Name passed to the reader; every exception must carry it. */
    static final String SOURCE = "fuzz-input.mid";

    /** Seconds one input may take. The largest seed reads in well under a millisecond. */
    private static final int SECONDS_PER_INPUT = 10;

    /** A note-on takes at least 3 bytes (1-byte delta, running-status pitch and velocity). */
    private static final int MIN_BYTES_PER_NOTE = 3;

    private static final int CHANNELS = 16;
    private static final int PROGRAMS = 128;

    @Timeout(value = SECONDS_PER_INPUT, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest(maxDuration = "5m")
    void lenientReadOfAnyBytesGivesAValidScoreOrAFormatException(byte[] input) {
        readChecked(MidiReader.lenient(), input);
    }

    @Timeout(value = SECONDS_PER_INPUT, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest(maxDuration = "5m")
    void strictReadOfAnyBytesSucceedsOnlyWithTheScoreTheLenientReaderGives(byte[] input) {
        ReadResult strict = readChecked(MidiReader.strict(), input);
        if (strict == null) {
            return;
        }
        ReadResult lenient = readChecked(MidiReader.lenient(), input);
        assertNotNull(lenient, () -> "strict read succeeded but lenient read failed on " + hex(input));
        assertEquals(strict.score(), lenient.score(), () -> "strict and lenient scores differ on " + hex(input));
        assertEquals(0, lenient.report().specViolations(),
                () -> "strict read accepted a file the lenient reader had to repair: " + lenient.report().repairs());
    }

    /**
     * Reads {@code input}, checks the outcome against the guarantee, and returns the result, or
     * {@code null} when the reader refused the input with a well-formed {@link MidiFormatException}.
     * Any other exception propagates and is a finding.
     */
    static ReadResult readChecked(MidiReader reader, byte[] input) {
        ReadResult result;
        try {
            result = reader.read(input, SOURCE);
        } catch (MidiFormatException e) {
            checkException(e, input);
            return null;
        }
        checkResult(result, input, reader.options().strict());
        return result;
    }

    private static void checkException(MidiFormatException e, byte[] input) {
        if (e.getMessage().contains("internal reader error")) {
            throw new AssertionError("reader bug on input " + hex(input) + ": " + e.getMessage(), e);
        }
        assertEquals(SOURCE, e.source(), "exception must name the source");
        assertTrue(e.getMessage().startsWith(SOURCE), () -> "message must start with the source: " + e.getMessage());
        assertTrue(e.byteOffset() >= -1 && e.byteOffset() < input.length + 1L,
                () -> "offset " + e.byteOffset() + " outside -1.." + input.length + ": " + e.getMessage());
        assertFalse(e.rule() == null || e.rule().isBlank(), "exception must state the rule broken");
    }

    private static void checkResult(ReadResult result, byte[] input, boolean strict) {
        Score score = result.score();
        ReadReport report = result.report();

        assertTrue(report.format() >= 0 && report.format() <= 2, () -> "format " + report.format());
        assertTrue(report.division() >= 0 && report.division() <= 0xFFFF, () -> "division " + report.division());
        assertTrue(report.trackChunks() >= 0, () -> "trackChunks " + report.trackChunks());
        assertTrue(score.ticksPerQuarter() >= 1 && score.ticksPerQuarter() <= 0x7FFF,
                () -> "ticksPerQuarter " + score.ticksPerQuarter());
        if (report.smpteDivision()) {
            assertEquals(1, score.tempos().size(), "an SMPTE file has exactly the one converted tempo");
            assertEquals(0, score.tempos().get(0).tick());
        }
        for (TempoChange t : score.tempos()) {
            assertTrue(t.tick() >= 0, () -> "tempo tick " + t.tick());
        }

        long maxNotes = input.length / MIN_BYTES_PER_NOTE;
        assertTrue(score.noteCount() <= maxNotes,
                () -> score.noteCount() + " notes from " + input.length + " bytes");
        assertTrue(score.tracks().size() <= (long) report.trackChunks() * CHANNELS * PROGRAMS,
                () -> score.tracks().size() + " tracks from " + report.trackChunks() + " chunks");
        for (Track track : score.tracks()) {
            assertFalse(track.notes().isEmpty(), () -> "track without notes: " + track.name());
            for (Note n : track.notes()) {
                // endTick overflowing to a negative value would break every time computation downstream.
                assertTrue(n.endTick() >= n.startTick(), () -> "note end overflows: " + n);
            }
        }

        for (Repair r : report.repairs()) {
            assertTrue(r.byteOffset() >= -1 && r.byteOffset() <= input.length,
                    () -> "repair offset outside the input: " + r);
        }
        for (Map.Entry<Repair.Kind, Integer> e : report.repairCounts().entrySet()) {
            long listedOfKind = report.repairs().stream().filter(r -> r.kind() == e.getKey()).count();
            assertTrue(listedOfKind <= ReadReport.MAX_LISTED_PER_KIND && listedOfKind <= e.getValue(),
                    () -> e.getKey() + ": " + listedOfKind + " listed, " + e.getValue() + " counted");
            assertTrue(e.getValue() >= 1, () -> e.getKey() + " counted " + e.getValue());
        }
        if (strict) {
            assertEquals(0, report.specViolations(), () -> "strict read reported repairs: " + report.repairs());
        }
    }

    /** The input in hex, cut to its first 256 bytes so a message stays readable. */
    static String hex(byte[] input) {
        int n = Math.min(input.length, 256);
        String h = HexFormat.of().formatHex(input, 0, n);
        return input.length > n ? h + "... (" + input.length + " bytes)" : h + " (" + input.length + " bytes)";
    }
}
