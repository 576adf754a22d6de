package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitaCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Run run = Run.partita("--help");

        assertEquals(0, run.exitCode(), run.toString());
        for (String command : new String[] {"inspect", "convert", "demo", "generate", "render", "--verbose", "--version"}) {
            assertTrue(run.out().contains(command), command + " missing from\n" + run);
        }
        assertTrue(run.out().contains("3  one or more bad input files"), run.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "convert", "demo", "generate", "render", "help"})
    void everyCommandHasHelp(String command) {
        Run run = Run.partita(command, "--help");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Usage: partita " + command + " "), run.toString());
    }

    @Test
    void helpCommandShowsTheHelpOfAnother() {
        Run run = Run.partita("help", "inspect");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("--json"), run.toString());
    }

    @Test
    void versionNamesPartitaAndJava() {
        Run run = Run.partita("--version");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("partita "), run.toString());
        assertTrue(run.out().contains("Java 17") || run.out().contains("Java "), run.toString());
    }

    @Test
    void noCommandIsBadUsage() {
        Run run = Run.partita();

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("Missing command"), run.toString());
        assertEquals("", run.out());
    }

    @Test
    void unknownCommandIsBadUsageWithASuggestion() {
        Run run = Run.partita("inspekt", "x.mid");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("inspect"), run.toString());
        assertTrue(run.err().contains("Try 'partita --help'"), run.toString());
    }

    @Test
    void unknownOptionIsBadUsage() {
        Run run = Run.partita("inspect", "--bogus", "x.mid");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--bogus"), run.toString());
        assertTrue(run.err().contains("Try 'partita inspect --help'"), run.toString());
    }

    @Test
    void unexpectedErrorIsOneMessageWithoutStackTrace() {
        // /dev/full is written through (never replaced) by the output policy, and every write to it fails
        Run run = Run.partita("inspect", dir.toString(), "--json", "/dev/full");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("partita inspect: error: cannot write /dev/full: No space left on device"),
                run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void verboseAddsTheStackTraceWhereverItIsGiven() {
        Run before = Run.partita("--verbose", "inspect", dir.toString(), "--json", "/dev/full");
        Run after = Run.partita("inspect", "--verbose", dir.toString(), "--json", "/dev/full");

        assertEquals(1, before.exitCode(), before.toString());
        assertTrue(before.err().contains("\tat "), before.toString());
        assertEquals(1, after.exitCode(), after.toString());
        assertTrue(after.err().contains("\tat "), after.toString());
    }
}
