package org.partita.attention;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribute half of the interchange format: a CSV with header exactly
 * {@code seq,token,note,bar,beat,position,pitch,program}, one row per token, sequences and tokens in
 * order (token = 0, 1, … within each sequence), an empty cell meaning the token lacks the attribute
 * (an empty {@code note} means no note).
 */
public final class AttributesCsv {

    /** The header line. */
    public static final String HEADER = "seq,token,note,bar,beat,position,pitch,program";

    private AttributesCsv() {
    }

    /**
     * All sequences of the file, by sequence number.
     *
     * @throws InvalidAttentionException naming the file and line of the first broken rule
     */
    public static Map<Integer, TokenAttributes> read(Path path) throws IOException {
        Map<Integer, List<int[]>> rows = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new InvalidAttentionException(path + ": line 1: header must be exactly '" + HEADER + "', got '"
                        + (header == null ? "" : header.strip()) + "'");
            }
            int lineNo = 1;
            int lastSeq = -1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int[] r = parse(path, lineNo, line);
                int seq = r[0];
                if (seq != lastSeq && rows.containsKey(seq)) {
                    throw new InvalidAttentionException(path + ": line " + lineNo + ": sequence " + seq
                            + " appears again after other sequences (rows of a sequence must be together)");
                }
                lastSeq = seq;
                List<int[]> list = rows.computeIfAbsent(seq, k -> new ArrayList<>());
                if (r[1] != list.size()) {
                    throw new InvalidAttentionException(path + ": line " + lineNo + ": sequence " + seq + " token " + r[1]
                            + ", expected token " + list.size() + " (tokens must be numbered 0, 1, ... in order)");
                }
                list.add(r);
            }
        }
        Map<Integer, TokenAttributes> out = new TreeMap<>();
        for (Map.Entry<Integer, List<int[]>> e : rows.entrySet()) {
            List<int[]> list = e.getValue();
            int n = list.size();
            int[][] cols = new int[6][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 6; c++) {
                    cols[c][i] = list.get(i)[c + 2];
                }
                if (cols[0][i] == TokenAttributes.ABSENT) {
                    cols[0][i] = -1;
                }
            }
            try {
                out.put(e.getKey(), new TokenAttributes(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]));
            } catch (IllegalArgumentException ex) {
                throw new InvalidAttentionException(path + ": sequence " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static int[] parse(Path path, int lineNo, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 8) {
            throw new InvalidAttentionException(path + ": line " + lineNo + ": " + cells.length + " cells, expected 8 ("
                    + HEADER + ")");
        }
        String[] names = HEADER.split(",");
        int[] r = new int[8];
        for (int c = 0; c < 8; c++) {
            String cell = cells[c].strip();
            if (cell.isEmpty()) {
                if (c < 2) {
                    throw new InvalidAttentionException(path + ": line " + lineNo + ": " + names[c] + " must not be empty");
                }
                r[c] = TokenAttributes.ABSENT;
                continue;
            }
            try {
                r[c] = Integer.parseInt(cell);
            } catch (NumberFormatException e) {
                throw new InvalidAttentionException(path + ": line " + lineNo + ": " + names[c] + " '" + cell
                        + "' is not an integer");
            }
            if (r[c] == TokenAttributes.ABSENT) {
                throw new InvalidAttentionException(path + ": line " + lineNo + ": " + names[c] + " " + cell + " is out of range");
            }
        }
        if (r[0] < 0) {
            throw new InvalidAttentionException(path + ": line " + lineNo + ": seq must be >= 0, got " + r[0]);
        }
        return r;
    }

    /** Writes sequences one after another. */
    public static final class Writer implements AutoCloseable {
        private final BufferedWriter out;
        private int next;

        public Writer(Path path) throws IOException {
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write('\n');
        }

        /** Appends the next sequence's rows (sequence 0 first). */
        public void write(TokenAttributes a) throws IOException {
            int seq = next++;
            int[][] cols = {a.note(), a.bar(), a.beat(), a.position(), a.pitch(), a.program()};
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                sb.setLength(0);
                sb.append(seq).append(',').append(i);
                for (int c = 0; c < cols.length; c++) {
                    int v = cols[c][i];
                    sb.append(',');
                    if (v != TokenAttributes.ABSENT && !(c == 0 && v < 0)) {
                        sb.append(v);
                    }
                }
                out.write(sb.append('\n').toString());
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
