package org.partita.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notebooks/kernel/execute.py against a kernel process that dies on its first start, after it has
 * bound its ports (what made a CI run fail: the retry then tripped over the closed ZMQ context of
 * the dead kernel, "Operation not supported"). The real Java kernel runs; only its launcher script
 * kills the first one.
 */
class KernelStartRetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    static boolean jupyterPresent() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import nbclient, nbformat")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor() == 0;
    }

    @Test
    void aKernelThatDiesOnItsFirstStartIsRetriedAndTheNotebookRuns(@TempDir Path dir) throws Exception {
        boolean present = jupyterPresent();
        if (!present) {
            String message = "Jupyter's nbclient not found for " + PYTHON + ": kernel retry test skipped";
            System.err.println("SKIPPED: " + message);
            assumeTrue("true".equals(System.getenv("CI")) ? fail(message) : false, message);
        }
        Path module = Path.of(System.getProperty("user.dir"));
        Path kernelJar = module.resolve("target/kernel/rapaio-jupyter-kernel.jar");
        assertTrue(Files.isRegularFile(kernelJar), "kernel jar missing: " + kernelJar);

        Path marker = dir.resolve("first-start-done");
        Path log = dir.resolve("kernel.log");
        Path start = dir.resolve("start");
        // The first start runs the real kernel, lets it bind its ports, then kills it.
        Files.writeString(start, String.join("\n",
                "#!/usr/bin/env bash",
                "if [[ ! -e '" + marker + "' ]]; then",
                "  touch '" + marker + "'",
                "  java \"$@\" >>'" + log + "' 2>&1 & pid=$!",
                "  sleep 2.5; kill -9 $pid; exit 1",
                "fi",
                "exec java \"$@\" >>'" + log + "' 2>&1", ""));
        Files.setPosixFilePermissions(start, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path spec = Files.createDirectories(dir.resolve("jupyter/kernels/partita-java"));
        ObjectNode kernel = JSON.createObjectNode();
        kernel.putArray("argv").add(start.toString()).add("-jar").add(kernelJar.toString()).add("{connection_file}");
        kernel.put("display_name", "Java (retry test)").put("language", "java").put("interrupt_mode", "message");
        JSON.writeValue(spec.resolve("kernel.json").toFile(), kernel);

        Path notebook = dir.resolve("sum.ipynb");
        JSON.writeValue(notebook.toFile(), oneCellNotebook("int answer = 40 + 2;\nSystem.out.println(answer);"));

        ProcessBuilder run = new ProcessBuilder(PYTHON.toString(),
                module.resolve("kernel/execute.py").toString(), notebook.toString())
                .redirectErrorStream(true);
        run.environment().putAll(Map.of("JUPYTER_PATH", dir.resolve("jupyter").toString()));
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "execute.py did not finish:\n" + output);

        assertEquals(0, process.exitValue(), "execute.py failed:\n" + output);
        assertTrue(output.contains("kernel start 1 failed"), "the first start did not fail as planned:\n" + output);
        assertTrue(output.contains("ok     sum.ipynb"), output);
        String saved = Files.readString(notebook);
        assertTrue(saved.contains("42"), "the cell's output was not saved:\n" + saved);
    }

    static ObjectNode oneCellNotebook(String source) {
        ObjectNode nb = JSON.createObjectNode();
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode meta = nb.putObject("metadata");
        meta.putObject("kernelspec").put("name", "partita-java").put("display_name", "Java (retry test)")
                .put("language", "java");
        ArrayNode cells = nb.putArray("cells");
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "code").put("id", "sum").putNull("execution_count");
        cell.putObject("metadata");
        cell.put("source", source);
        cell.putArray("outputs");
        return nb;
    }

    static boolean fail(String message) {
        throw new AssertionError(message + " (CI=true: the test must run)");
    }
}
