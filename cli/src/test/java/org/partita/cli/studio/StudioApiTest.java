package org.partita.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partita.cli.QuickDemo;
import org.partita.midi.MidiReader;
import org.partita.midi.SharedData;
import org.partita.symbolic.Score;

/** The studio's JSON API over HTTP, on a tiny model trained in this JVM ({@link QuickDemo}). */
class StudioApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StudioModel model;
    private static RollModels rolls;
    private static StudioServer server;

    @BeforeAll
    static void start() throws Exception {
        model = StudioModel.load(QuickDemo.runDir(), 1, line -> { });
        rolls = RollModels.load(null, 1, line -> { }); // the chorale model shipped in the training jar
        server = StudioServer.start(model, rolls, StudioServer.Settings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        Path temp = server.tempDir();
        server.close();
        model.close();
        rolls.close();
        assertFalse(Files.exists(temp), "temp folder " + temp + " is deleted on close");
    }

    static HttpResponse<byte[]> send(String method, String path, String type, byte[] body, String... headers)
            throws Exception {
        return new StudioHttp(server.port()).send(method, path, type, body, headers);
    }

    static JsonNode post(String path, String json, int expectedStatus) throws Exception {
        return new StudioHttp(server.port()).post(path, json, expectedStatus);
    }

    @Test
    void staccatoSketchBecomesItsNotes() throws Exception {
        JsonNode piece = post("/api/pieces", "{\"staccato\": \"T120 V0 I[Piano] C5q E5q G5h | D5w\"}", 201);
        assertEquals(2, piece.get("bars").asInt());
        List<String> notes = new ArrayList<>();
        for (JsonNode n : piece.get("notes")) {
            notes.add(n.get("track").asInt() + ":" + n.get("pitch").asInt() + "@" + n.get("startTick").asLong() + "+"
                    + n.get("durationTicks").asLong());
        }
        assertEquals(List.of("0:60@0+480", "0:64@480+480", "0:67@960+960", "0:62@1920+1920"), notes);
        assertEquals(1, piece.get("tracks").size());
        assertEquals(0, piece.get("tracks").get(0).get("program").asInt());
        assertEquals(List.of(0L, 1920L, 3840L), longs(piece.get("barTicks")));
        JsonNode again = JSON.readTree(send("GET", "/api/pieces/" + piece.get("id").asText() + ".json", null, null)
                .body());
        assertEquals(piece.get("notes"), again.get("notes"));
    }

    @Test
    void continuingTwiceWithOneSeedGivesIdenticalCandidates() throws Exception {
        String id = post("/api/pieces", "{\"staccato\": \"T120 V0 I[Piano] C5q E5q G5q E5q | F5q A5q G5h\"}", 201)
                .get("id").asText();
        String options = "{\"bars\": 2, \"temperature\": 1.0, \"topP\": 0.95, \"seed\": 11, \"candidates\": 2}";
        JsonNode first = post("/api/pieces/" + id + "/continue", options, 200);
        JsonNode second = post("/api/pieces/" + id + "/continue", options, 200);
        assertEquals(2, first.get("candidates").size());
        for (int i = 0; i < 2; i++) {
            JsonNode a = first.get("candidates").get(i);
            JsonNode b = second.get("candidates").get(i);
            assertNotEquals(a.get("id"), b.get("id"), "each candidate is a new piece");
            assertEquals(a.get("notes"), b.get("notes"), "candidate " + i + " with seed 11");
            assertTrue(a.get("bars").asInt() <= 4, "2 prompt bars + 2 new at most: " + a.get("bars"));
            assertTrue(a.get("memorisation").get("checked").asBoolean(), "checked against the training corpus: "
                    + a.get("memorisation"));
            assertEquals(id, a.get("parent").asText());
        }
        JsonNode other = post("/api/pieces/" + id + "/continue", options.replace("11", "12"), 200);
        assertNotEquals(first.get("candidates").get(0).get("notes"), other.get("candidates").get(0).get("notes"),
                "another seed, other music");
    }

    @Test
    void aCandidateDownloadsAsMidiWavSvgAndPng() throws Exception {
        String id = post("/api/pieces", "{\"staccato\": \"T100 V0 I[Flute] C5q E5q G5q E5q | F5q A5q G5h\"}", 201)
                .get("id").asText();
        JsonNode c = post("/api/pieces/" + id + "/continue", "{\"bars\": 1, \"candidates\": 1}", 200)
                .get("candidates").get(0);
        String cid = c.get("id").asText();
        HttpResponse<byte[]> mid = send("GET", "/api/pieces/" + cid + ".mid", null, null);
        assertEquals(200, mid.statusCode());
        assertEquals("audio/midi", mid.headers().firstValue("Content-Type").orElse(""));
        Score back = MidiReader.strict().read(mid.body(), cid + ".mid").score();
        assertEquals(c.get("notes").size(), back.noteCount());
        HttpResponse<byte[]> wav = send("GET", "/api/pieces/" + cid + ".wav", null, null);
        assertEquals(200, wav.statusCode());
        assertEquals("RIFF", new String(wav.body(), 0, 4));
        assertTrue(new String(send("GET", "/api/pieces/" + cid + ".svg", null, null).body()).contains("<svg"));
        byte[] png = send("GET", "/api/pieces/" + cid + ".png", null, null).body();
        assertEquals("PNG", new String(png, 1, 3));
    }

    @Test
    void aRealMidiFileUploadsAsItsNotes() throws Exception {
        Path file = SharedData.midiFiles(SharedData.dir("corpora/nottingham")).get(0);
        byte[] bytes = Files.readAllBytes(file);
        HttpResponse<byte[]> r = send("POST", "/api/pieces?name=" + file.getFileName(), "audio/midi", bytes);
        JsonNode piece = JSON.readTree(r.body());
        assertEquals(201, r.statusCode(), piece.toString());
        assertEquals(MidiReader.lenient().read(file).score().noteCount(), piece.get("notes").size());
    }

    @Test
    void badInputIsA4xxJsonErrorWithoutStackTrace() throws Exception {
        JsonNode syntax = post("/api/pieces", "{\"staccato\": \"T120 V0 C5q E5z\"}", 400);
        assertEquals(1, syntax.get("line").asInt());
        assertEquals(15, syntax.get("column").asInt(), "the z of E5z: " + syntax);
        HttpResponse<byte[]> notMidi = send("POST", "/api/pieces?name=junk.mid", "audio/midi", "not a midi file".getBytes());
        assertEquals(400, notMidi.statusCode());
        assertTrue(JSON.readTree(notMidi.body()).get("error").asText().startsWith("junk.mid: not a MIDI file"));
        assertEquals(400, send("POST", "/api/pieces", "application/json", "{oops".getBytes()).statusCode());
        String id = post("/api/pieces", "{\"staccato\": \"V0 C5w\"}", 201).get("id").asText();
        JsonNode range = post("/api/pieces/" + id + "/continue", "{\"candidates\": 99}", 400);
        assertEquals("candidates must be 1..8, got 99", range.get("error").asText());
        post("/api/pieces/" + id + "/continue", "{\"bras\": 2}", 400);
        post("/api/pieces/p999999/continue", "{}", 404);
        assertEquals(404, send("GET", "/api/pieces/" + id + ".exe", null, null).statusCode());
        assertEquals(404, send("GET", "/api/nothing", null, null).statusCode());
        HttpResponse<byte[]> huge = send("POST", "/api/pieces", "audio/midi",
                new byte[(int) StudioServer.Settings.defaults().maxUploadBytes() + 1]);
        assertEquals(413, huge.statusCode());
        for (HttpResponse<byte[]> r : List.of(notMidi, huge)) {
            String body = new String(r.body());
            assertFalse(body.contains("\tat ") || body.contains("Exception"), body);
        }
    }

    @Test
    void crossOriginRequestsAreRefused() throws Exception {
        HttpResponse<byte[]> r = send("POST", "/api/pieces", "application/json", "{\"staccato\": \"V0 C5q\"}".getBytes(),
                "Origin", "http://evil.example");
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<byte[]> own = send("POST", "/api/pieces", "application/json", "{\"staccato\": \"V0 C5q\"}".getBytes(),
                "Origin", "http://127.0.0.1:" + server.port());
        assertEquals(201, own.statusCode());
    }

    @Test
    void aRequestOverItsTimeBudgetIsCancelledWith503() throws Exception {
        try (StudioServer tight = StudioServer.start(model, null,
                StudioServer.Settings.defaults().withPort(0).withTimeBudgetSeconds(0.05))) {
            String base = "http://127.0.0.1:" + tight.port();
            HttpResponse<byte[]> piece = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/pieces"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"staccato\": \"V0 C5q E5q G5h\"}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String id = JSON.readTree(piece.body()).get("id").asText();
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/pieces/" + id + "/continue"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bars\": 32, \"candidates\": 8}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(503, r.statusCode(), new String(r.body()));
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains("time budget"));
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void healthSaysWhatTheServerCanDo() throws Exception {
        JsonNode h = JSON.readTree(send("GET", "/api/health", null, null).body());
        assertTrue(h.get("model").get("available").asBoolean());
        assertTrue(h.get("rollModel").get("available").asBoolean(), h.toString());
        assertTrue(h.get("memorisation").get("checked").asBoolean(), h.toString());
        assertEquals(1, h.get("generation").get("workers").asInt());
        String page = new String(send("GET", "/", null, null).body());
        assertTrue(page.contains("Partita Studio"), page);
    }

    static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
