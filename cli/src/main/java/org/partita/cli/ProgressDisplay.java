package org.partita.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.partita.midi.scan.ScanProgress;

/**
 * Shows how a scan advances, on stderr only so stdout stays parsable: a progress bar when stderr is
 * an interactive terminal, otherwise a plain line at most every {@link #PLAIN_LINE_INTERVAL_SECONDS}
 * seconds (so short runs print nothing). Close it before printing results.
 */
final class ProgressDisplay implements ScanProgress, AutoCloseable {

    static final long PLAIN_LINE_INTERVAL_SECONDS = 5;

    private final String task;
    private final PrintWriter err;
    private final boolean bar;
    /** What is counted, with a leading space: {@code " files"}, {@code " tokens"}. */
    private final String unit;
    private ProgressBar progressBar;
    private long nextPlainLineNanos;

    private ProgressDisplay(String task, PrintWriter err, boolean bar, String unit) {
        this.task = task;
        this.err = err;
        this.bar = bar;
        this.unit = unit;
    }

    /** A display that picks a bar or plain lines from what stderr is. */
    /**
     * Tells a user at a terminal what a long single step is doing ({@code "render: rendering 357.6 s of audio…"}),
     * so the command does not look hung; prints nothing when stderr is a file or a pipe, keeping logs clean.
     */
    static void working(PrintWriter err, String message) {
        if (stderrIsInteractiveTerminal()) {
            err.println(message);
            err.flush();
        }
    }

    static ProgressDisplay onStderr(String task, PrintWriter err) {
        return onStderr(task, err, " files");
    }

    /** As {@link #onStderr(String, PrintWriter)}, counting {@code unit} (with a leading space) instead of files. */
    static ProgressDisplay onStderr(String task, PrintWriter err, String unit) {
        return new ProgressDisplay(task, err, stderrIsInteractiveTerminal(), unit);
    }

    @Override
    public void started(int totalFiles) {
        nextPlainLineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(PLAIN_LINE_INTERVAL_SECONDS);
        if (bar && totalFiles > 1) {
            boolean utf8 = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
            progressBar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalFiles)
                    .setUnit(unit, 1).showSpeed()
                    .setStyle(utf8 ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .clearDisplayOnFinish().build();
        }
    }

    @Override
    public void fileDone(int doneFiles, int totalFiles, Path file, boolean ok) {
        if (progressBar != null) {
            progressBar.stepTo(doneFiles);
        } else if (!bar && doneFiles < totalFiles && System.nanoTime() >= nextPlainLineNanos) {
            nextPlainLineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(PLAIN_LINE_INTERVAL_SECONDS);
            err.printf("%s: %d/%d%s (%d%%)%n", task, doneFiles, totalFiles, unit, 100L * doneFiles / totalFiles);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (progressBar != null) {
            progressBar.close();
            progressBar = null;
        }
    }

    /**
     * Java 17 can tell whether stdin and stdout are a terminal ({@code System.console()}), not
     * stderr; on Linux, /proc says where file descriptor 2 goes. Elsewhere the console answer is used.
     */
    static boolean stderrIsInteractiveTerminal() {
        if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (!Files.exists(Path.of("/proc/self/fd"))) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false; // cannot tell: plain lines are always safe
        }
    }
}
