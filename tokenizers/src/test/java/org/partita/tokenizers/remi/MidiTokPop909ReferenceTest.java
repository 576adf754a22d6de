package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.tokenizers.CorpusFiles;

/**
 * Golden comparison with MidiTok 3.0.6.post1 (symusic 0.5.8) REMI output over the 909 POP909 files:
 * {@code ../reference/miditok-remi-pop909} (config.json, vocab.json, per_file.tsv with the md5 of
 * the token strings joined by single spaces, tokens/00N.mid.txt for files 001-005).
 */
class MidiTokPop909ReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void vocabularyFromTheReferenceConfigEqualsMidiToksVocabJson() throws IOException {
        Path ref = CorpusFiles.reference("miditok-remi-pop909");
        RemiTokenizer tok = RemiTokenizer.of(RemiConfigJson.fromJson(Files.readString(ref.resolve("config.json"))));
        JsonNode vocab = JSON.readTree(Files.readString(ref.resolve("vocab.json")));
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            expected.put(e.getKey(), e.getValue().intValue());
        }
        assertEquals(expected, tok.vocabulary().asMap());
    }

    @Test
    void tokenStringsEqualMidiToksForAll909Files() throws Exception {
        Path ref = CorpusFiles.reference("miditok-remi-pop909");
        Path corpus = CorpusFiles.root().resolve("corpora/pop909");
        RemiTokenizer tok = RemiTokenizer.of(RemiConfigJson.fromJson(Files.readString(ref.resolve("config.json"))));
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ref.resolve("per_file.tsv"))) {
            if (!line.startsWith("file\t")) {
                rows.add(line.split("\t"));
            }
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path p : CorpusFiles.midiFiles(corpus)) {
            files.put(p.getFileName().toString(), p);
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        rows.parallelStream().forEach(row -> {
            String name = row[0];
            Path file = files.get(name);
            if (file == null) {
                failures.add(name + ": file missing from corpus");
                return;
            }
            try {
                Score score = MidiReader.lenient().read(file).score();
                List<String> tokens = tok.encode(score).tokens(tok.vocabulary());
                String md5 = md5(String.join(" ", tokens));
                Path full = ref.resolve("tokens").resolve(name + ".txt");
                if (Files.exists(full) && !Files.readAllLines(full, StandardCharsets.UTF_8).equals(tokens)) {
                    failures.add(describe(name, tokens, ref, row));
                    return;
                }
                if (!md5.equals(row[4])) {
                    failures.add(describe(name, tokens, ref, row));
                }
            } catch (Exception e) {
                failures.add(name + ": " + e);
            }
        });
        if (!failures.isEmpty()) {
            List<String> sorted = new ArrayList<>(failures);
            sorted.sort(null);
            fail((909 - sorted.size()) + "/909 files identical; " + sorted.size() + " differ:\n"
                    + String.join("\n", sorted.subList(0, Math.min(15, sorted.size()))));
        }
    }

    private static String describe(String name, List<String> tokens, Path ref, String[] row) {
        Path full = ref.resolve("tokens").resolve(name + ".txt");
        String head = name + ": " + tokens.size() + " tokens, MidiTok " + row[3];
        if (!Files.exists(full)) {
            return head + " (no reference token list; md5 differs)";
        }
        try {
            List<String> expected = Files.readAllLines(full, StandardCharsets.UTF_8);
            int i = 0;
            while (i < tokens.size() && i < expected.size() && tokens.get(i).equals(expected.get(i))) {
                i++;
            }
            int from = Math.max(0, i - 8);
            return head + "; first difference at token " + i + "\n  expected: "
                    + expected.subList(from, Math.min(expected.size(), i + 8)) + "\n  actual:   "
                    + tokens.subList(from, Math.min(tokens.size(), i + 8));
        } catch (IOException e) {
            return head + " (" + e + ")";
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
