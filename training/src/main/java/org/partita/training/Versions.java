package org.partita.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Versions recorded in checkpoints.
 *
 * @param partita this library's version (from the build)
 * @param djl DJL API version
 * @param pytorch PyTorch native library version
 * @param java Java runtime version
 */
public record Versions(String partita, String djl, String pytorch, String java) {

    /** The versions of this process (starts the PyTorch engine to ask its version). */
    public static Versions current() {
        return new Versions(partitaVersion(), DjlRuntime.djlVersion(), DjlRuntime.pytorchVersion(),
                System.getProperty("java.version"));
    }

    /** Partita's version from the build, without starting any engine. */
    public static String partitaVersion() {
        try (InputStream in = Versions.class.getResourceAsStream("partita.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code git rev-parse HEAD} in the working directory, or null when git or a repository is unavailable. */
    public static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
