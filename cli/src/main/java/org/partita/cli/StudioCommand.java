package org.partita.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.partita.cli.studio.RollModels;
import org.partita.cli.studio.StudioModel;
import org.partita.cli.studio.StudioServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code partita studio}: the local web sketchpad (docs/studio.md). Runs until stopped (Ctrl-C). */
@Command(name = "studio", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start Partita Studio, a web sketchpad on this machine: type Staccato or drop a MIDI file, "
                + "continue it with a trained model, see and hear the candidates, keep one and download it. "
                + "Prints the address and opens it in the browser when there is a display; Ctrl-C stops it.",
                "Nothing leaves the machine: the server binds to 127.0.0.1 and refuses cross-origin requests. "
                        + "The JSON API is in docs/studio.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  stopped", "  1  other error (e.g. the port is taken)", "  2  bad usage",
                "  3  the model folder cannot be read"})
final class StudioCommand implements Callable<Integer> {

    static final Path DEFAULT_MODEL = Path.of("partita-demo", "run");

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Token model to continue with: a run directory "
            + "of partita train or demo (default: partita-demo/run when it exists; without a model the page still "
            + "previews sketches).")
    private Path model;

    @Option(names = "--roll-model", paramLabel = "DIR", description = "Piano-roll model for harmonize and infill: "
            + "a run or checkpoint directory of partita train-roll (default: the chorale model shipped with Partita).")
    private Path rollModel;

    @Option(names = "--port", paramLabel = "N", description = "TCP port, 0 = any free one (default: ${DEFAULT-VALUE}).")
    private int port = 8080;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on instead of 127.0.0.1 "
            + "(others on the network can then use the studio: a warning is printed).")
    private String host;

    @Option(names = "--queue", paramLabel = "N", description = "Generation requests that may wait behind the "
            + "running one; more get 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    private int queue = 8;

    @Option(names = "--time-budget", paramLabel = "S", description = "Seconds a generation request may take, "
            + "waiting included, before it is cancelled (default: ${DEFAULT-VALUE}).")
    private double timeBudget = 120;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads for generation, 0 = all "
            + "processors (default: ${DEFAULT-VALUE}).")
    private int threads = 1;

    @Option(names = "--no-browser", description = "Do not open the browser; only print the address.")
    private boolean noBrowser;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StudioServer.Settings settings;
        try {
            settings = StudioServer.Settings.defaults().withPort(port).withQueueCapacity(queue)
                    .withTimeBudgetSeconds(timeBudget).withHost(host == null ? "127.0.0.1" : host);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path modelDir = model != null ? model : Files.isDirectory(DEFAULT_MODEL) ? DEFAULT_MODEL : null;
        StudioModel loaded = null;
        if (modelDir == null) {
            out.println("studio: no model at " + DEFAULT_MODEL + ": sketches preview and play, but continue is off."
                    + " Make one with ./partita demo (about 5 minutes), or give --model DIR.");
        } else {
            long t0 = System.nanoTime();
            try {
                loaded = StudioModel.load(modelDir, threads, line -> {
                    out.println("studio: " + line);
                    out.flush();
                });
            } catch (IOException e) {
                err.println("studio: " + ErrorHandler.describe(e));
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            out.printf("studio: model ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        RollModels rolls;
        long t1 = System.nanoTime();
        try {
            rolls = RollModels.load(rollModel, threads, line -> {
                out.println("studio: " + line);
                out.flush();
            });
        } catch (IOException e) {
            if (rollModel != null) {
                err.println("studio: --roll-model " + rollModel + ": " + ErrorHandler.describe(e));
                err.flush();
                if (loaded != null) {
                    loaded.close();
                }
                return ExitCodes.BAD_INPUT;
            }
            rolls = RollModels.unavailable("the shipped piano-roll model cannot be loaded: " + ErrorHandler.describe(e));
            out.println("studio: harmonize and infill are off: " + rolls.reason());
        }
        if (rolls.available()) {
            out.printf("studio: piano-roll model ready in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        }
        if (host != null) {
            err.println("studio: WARNING: listening on " + host + ": anyone who can reach this machine can use the "
                    + "studio (and its CPU). Leave out --host to keep it on 127.0.0.1.");
        }
        StudioServer server;
        try {
            server = StudioServer.start(loaded, rolls, settings);
        } catch (RuntimeException e) {
            if (loaded != null) {
                loaded.close();
            }
            rolls.close();
            Throwable cause = e.getCause() instanceof BindException ? e.getCause() : e;
            err.println("studio: cannot listen on " + settings.host() + ":" + port + ": " + cause.getMessage()
                    + (cause instanceof BindException ? " (another program uses the port? try --port 0)" : ""));
            err.flush();
            return ExitCodes.ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        StudioModel toClose = loaded;
        RollModels rollsToClose = rolls;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (toClose != null) {
                toClose.close();
            }
            rollsToClose.close();
            stopped.countDown();
        }, "studio-shutdown"));
        out.println("studio: open " + server.url() + "  (Ctrl-C stops; temp files in " + server.tempDir() + ")");
        out.flush();
        if (!noBrowser) {
            openBrowser(server.url(), out);
        }
        stopped.await();
        return ExitCodes.OK;
    }

    /** Opens {@code url} when there is a display: java.awt.Desktop, or xdg-open on Linux desktops without it. */
    private static void openBrowser(String url, PrintWriter out) {
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || !System.getProperty("os.name", "").toLowerCase().contains("linux");
        if (!display) {
            return;
        }
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            } else {
                new ProcessBuilder("xdg-open", url).inheritIO().start();
            }
        } catch (IOException | UnsupportedOperationException e) {
            out.println("studio: could not open a browser (" + e.getMessage() + "); open the address above");
        }
    }
}
