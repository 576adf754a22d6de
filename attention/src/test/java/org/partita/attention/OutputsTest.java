package org.partita.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class OutputsTest {

    /** Four heads over 64 tokens (4 per beat): 4-beats-back, previous token, uniform, random. */
    static SequenceAttention sequence(int index, long seed) {
        int n = 64;
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] note = new int[n];
        int[] beat = new int[n];
        int[] pitch = new int[n];
        for (int i = 0; i < n; i++) {
            note[i] = i;
            beat[i] = i / 4;
            pitch[i] = 50 + rnd.nextInt(20);
        }
        float[][][] heads = new float[4][n][n];
        for (int q = 0; q < n; q++) {
            heads[0][q][q >= 16 ? q - 16 : q] = 1f;
            heads[1][q][Math.max(0, q - 1)] = 1f;
            java.util.Arrays.fill(heads[2][q], 0, q + 1, 1f / (q + 1));
            double sum = 0;
            double[] w = new double[q + 1];
            for (int t = 0; t <= q; t++) {
                w[t] = rnd.nextDouble();
                sum += w[t];
            }
            for (int t = 0; t <= q; t++) {
                heads[3][q][t] = (float) (w[t] / sum);
            }
        }
        return new SequenceAttention(index, new float[][][][] {heads}, Fixtures.attrs(note, beat, pitch));
    }

    @Test
    void tablesAndChartsAreWrittenWithTheBaselineNamed() throws IOException {
        AnalysisSettings s = AnalysisSettings.defaults().withBootstrap(100, 2);
        SequenceAttention[] seqs = {sequence(0, 1), sequence(1, 2), sequence(2, 3)};
        AttentionResult r = Fixtures.run(s, seqs);
        Path dir = Path.of("target", "outputs-test");
        ResultTables.writeAll(r, new RunInfo(null, "test.npz", "test.csv", 0, 0, false, Map.of("partita", "test")), dir);
        List<Path> charts = AttentionCharts.writeAll(r, ChartRanges.defaults(), dir);
        List<String> csv = Files.readAllLines(dir.resolve("attention.csv"));
        assertEquals(ResultTables.CSV_HEADER, csv.get(0));
        RelativeRow minus4 = Fixtures.row(r, Field.BEAT, 0, 0, -4);
        // pairs at k = -4: per sequence, queries at beats 4..15 (48 tokens) x 4 key tokens each = 192; x 3 sequences
        // gamma 1 in every sequence and the same beat layout, so every resample gives the same gain: interval = diff
        String expected = "beat,0,0,-4,1.0," + minus4.baseline() + "," + (1.0 - minus4.baseline()) + "," + (1.0 / minus4.baseline())
                + ",576," + minus4.diff() + "," + minus4.diff() + ",causal-uniform,token";
        assertTrue(csv.contains(expected), csv.stream().filter(l -> l.startsWith("beat,0,0,-4,")).findFirst().orElse("none"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("attention.json").toFile());
        assertEquals("causal-uniform", json.get("settings").get("baseline").asText());
        assertEquals(100, json.get("settings").get("bootstrap").asInt());
        assertEquals(csv.size() - 1, json.get("rows").size());
        String heads = Files.readString(dir.resolve("heads.csv"));
        assertTrue(heads.startsWith("layer,head,entropy,previous_token_share"), heads);
        // head 1 gives all weight to the previous token: share 1
        assertTrue(heads.contains("\n0,1,0.0,1.0,"), heads);
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("baseline causal-uniform"));
        assertEquals(2 * 6 + 2, charts.size());
        for (Path p : charts) {
            if (p.toString().endsWith(".png")) {
                assertTrue(ImageIO.read(p.toFile()).getWidth() == 1000, p.toString());
            } else {
                assertTrue(Files.readString(p).contains("gain over causal-uniform baseline")
                        || Files.readString(p).contains("Beat gain over causal-uniform"), p.toString());
            }
        }
    }
}
