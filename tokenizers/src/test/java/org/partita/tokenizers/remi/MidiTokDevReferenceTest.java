package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.CorpusFiles;

/**
 * Golden comparison with MidiTok 3.0.6.post1 (symusic 0.5.8) REMI over every MIDI file of
 * {@code ../shared/data/corpora} and {@code ../shared/data/edge}: {@code ../reference/miditok-remi-dev}
 * ({@code per_file.tsv}: md5 of the token strings joined by single spaces; {@code tokens/}: full
 * lists for a selection). Every file MidiTok tokenizes must give the same tokens here, except the
 * files listed in {@code miditok-dev-exceptions.tsv} (symusic loses notes that Partita keeps), which
 * must still differ, so the list cannot go stale. Files MidiTok refuses are not compared.
 */
class MidiTokDevReferenceTest {

    private static final String EXCEPTIONS = "miditok-dev-exceptions.tsv";

    @Test
    void tokenStringsEqualMidiToksForEveryCorpusAndEdgeFile() throws Exception {
        Path ref = CorpusFiles.reference("miditok-remi-dev");
        Path data = CorpusFiles.root();
        RemiTokenizer tok = RemiTokenizer.of(RemiConfigJson.fromJson(
                Files.readString(CorpusFiles.reference("miditok-remi-pop909").resolve("config.json"))));
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ref.resolve("per_file.tsv"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("set\t")) {
                rows.add(line.split("\t", -1));
            }
        }
        Map<String, String> exceptions = exceptions();
        Map<String, int[]> perCorpus = new ConcurrentHashMap<>(); // {identical, compared}
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        rows.parallelStream().forEach(row -> {
            String set = row[0];
            String corpus = row[1];
            String rel = set + "/" + corpus + "/" + row[2];
            if (!row[7].equals("ok")) {
                return; // MidiTok refuses the file: nothing to compare
            }
            Path file = data.resolve(rel);
            boolean identical;
            String detail;
            try {
                Score score = MidiReader.lenient().read(file).score();
                List<String> tokens = tok.encode(score).tokens(tok.vocabulary());
                identical = MidiTokPop909ReferenceTest.md5(String.join(" ", tokens)).equals(row[6]);
                detail = identical ? "" : describe(ref, row, tokens);
            } catch (Exception e) {
                identical = false;
                detail = rel + ": MidiTok tokenizes it, Partita fails: " + e;
            }
            perCorpus.computeIfAbsent(set + "/" + corpus, k -> new int[2]);
            synchronized (perCorpus) {
                int[] c = perCorpus.get(set + "/" + corpus);
                c[1]++;
                if (identical) {
                    c[0]++;
                }
            }
            if (exceptions.containsKey(rel)) {
                if (identical) {
                    failures.add(rel + ": listed in " + EXCEPTIONS + " (" + exceptions.get(rel)
                            + ") but now identical; remove it from the list");
                }
            } else if (!identical) {
                failures.add(detail);
            }
        });
        StringBuilder table = new StringBuilder("identical / compared per corpus:\n");
        new TreeMap<>(perCorpus).forEach((k, v) -> table.append(String.format("  %-30s %5d / %5d%n", k, v[0], v[1])));
        System.out.print(table);
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail(sorted.size() + " files differ from MidiTok (one line each):\n" + String.join("\n", sorted)
                    + "\n" + table);
        }
        int compared = perCorpus.values().stream().mapToInt(v -> v[1]).sum();
        assertEquals(6864 + 118, compared, "files MidiTok tokenizes in corpora (6,864) and edge (118)");
    }

    @Test
    void everyListedExceptionIsAFileMidiTokTokenizes() throws IOException {
        Path ref = CorpusFiles.reference("miditok-remi-dev");
        Map<String, String> ok = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ref.resolve("per_file.tsv"), StandardCharsets.UTF_8)) {
            String[] row = line.split("\t", -1);
            if (!line.startsWith("set\t")) {
                ok.put(row[0] + "/" + row[1] + "/" + row[2], row[7]);
            }
        }
        for (String rel : exceptions().keySet()) {
            assertTrue("ok".equals(ok.get(rel)), rel + " must be a file MidiTok tokenizes, got status " + ok.get(rel));
        }
    }

    /** Path relative to the data folder -> the reason it may differ. */
    private static Map<String, String> exceptions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = MidiTokDevReferenceTest.class.getResourceAsStream(EXCEPTIONS)) {
            if (in == null) {
                throw new IOException("test resource " + EXCEPTIONS + " missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.put(cols[0], cols.length > 1 ? cols[1] : "");
            }
        }
        return out;
    }

    /** One line: the file, both lengths, and the first differing token when the full list is stored. */
    private static String describe(Path ref, String[] row, List<String> tokens) {
        String rel = row[0] + "/" + row[1] + "/" + row[2];
        String head = rel + ": " + tokens.size() + " tokens, MidiTok " + row[5];
        Path full = ref.resolve("tokens").resolve(row[1] + "__" + row[2].replace("/", "__") + ".txt");
        if (!Files.exists(full)) {
            return head + " (md5 differs; no stored token list)";
        }
        try {
            List<String> expected = Files.readAllLines(full, StandardCharsets.UTF_8);
            int i = 0;
            while (i < tokens.size() && i < expected.size() && tokens.get(i).equals(expected.get(i))) {
                i++;
            }
            return head + "; first difference at token " + i + ": MidiTok "
                    + (i < expected.size() ? expected.get(i) : "<end>") + ", Partita "
                    + (i < tokens.size() ? tokens.get(i) : "<end>");
        } catch (IOException e) {
            return head + " (" + e + ")";
        }
    }
}
