package org.partita.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.partita.cli.studio.StudioModel;
import org.partita.cli.studio.StudioServer;

/**
 * {@code benchmarks/run studio --model DIR [--requests 20] [--rounds 3] [--queue 8]}: rounds of concurrent continue
 * requests against a studio server in this JVM. Prints per round how many were answered 200, 503 (busy, with
 * Retry-After) or otherwise, how many were lost (no answer), latency percentiles (all answers, and the median of
 * the 200s), and heap after GC and resident
 * memory, to show memory stays flat.
 */
public final class StudioLoadBench {

    private StudioLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path model = null;
        int requests = 20;
        int rounds = 3;
        int queue = 8;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--queue" -> queue = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --model DIR --requests N --rounds N --queue N)");
            }
        }
        if (model == null || !Files.isDirectory(model)) {
            System.err.println("studio benchmark: give --model DIR, e.g. a tiny model from "
                    + "./partita demo --quick --out /tmp/q (then --model /tmp/q/run)");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        try (StudioModel m = StudioModel.load(model, 1, line -> System.out.println("  " + line));
             StudioServer server = StudioServer.start(m, null,
                     StudioServer.Settings.defaults().withPort(0).withQueueCapacity(queue))) {
            String base = "http://127.0.0.1:" + server.port();
            String id = json.readTree(send(http, base + "/api/pieces",
                    "{\"staccato\": \"T120 V0 I[Piano] C5q E5q G5q E5q | F5q A5q G5h\"}").body()).get("id").asText();
            System.out.printf("%d concurrent POST /api/pieces/%s/continue (2 bars, 2 candidates) per round, queue %d, "
                    + "one worker; model %s%n", requests, id, queue, model);
            System.out.printf("%-6s %5s %5s %6s %5s %8s %8s %8s %8s %10s %10s %9s%n", "round", "200", "503", "other",
                    "lost", "p50 s", "p90 s", "p99 s", "max s", "200 p50 s", "heap MB", "RSS MB");
            for (int round = 1; round <= rounds; round++) {
                List<CompletableFuture<double[]>> calls = new ArrayList<>();
                for (int r = 0; r < requests; r++) {
                    String body = "{\"bars\": 2, \"candidates\": 2, \"seed\": " + (round * 1000 + r) + "}";
                    long t0 = System.nanoTime();
                    calls.add(http.sendAsync(post(base + "/api/pieces/" + id + "/continue", body),
                                    HttpResponse.BodyHandlers.ofString())
                            .thenApply(resp -> new double[] {resp.statusCode(), (System.nanoTime() - t0) / 1e9,
                                    resp.statusCode() == 503 && resp.headers().firstValue("Retry-After").isEmpty()
                                            ? 1 : 0})
                            .exceptionally(e -> new double[] {-1, (System.nanoTime() - t0) / 1e9, 0}));
                }
                int ok = 0;
                int busy = 0;
                int other = 0;
                int lost = 0;
                double[] seconds = new double[requests];
                List<Double> okSeconds = new ArrayList<>();
                for (int r = 0; r < requests; r++) {
                    double[] res = calls.get(r).get();
                    seconds[r] = res[1];
                    if (res[0] == 200) {
                        ok++;
                        okSeconds.add(res[1]);
                    } else if (res[0] == 503 && res[2] == 0) {
                        busy++;
                    } else if (res[0] < 0) {
                        lost++;
                    } else {
                        other++;
                    }
                }
                Arrays.sort(seconds);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                double[] okSorted = okSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("%-6d %5d %5d %6d %5d %8.2f %8.2f %8.2f %8.2f %10.2f %10d %9d%n", round, ok, busy,
                        other, lost, pct(seconds, 50), pct(seconds, 90), pct(seconds, 99), seconds[requests - 1],
                        okSorted.length == 0 ? Double.NaN : pct(okSorted, 50), heap, rssMb());
            }
            JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            System.out.println("generation counters: " + health.get("generation"));
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, String url, String body) throws Exception {
        return http.send(post(url, body), HttpResponse.BodyHandlers.ofString());
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }
}
