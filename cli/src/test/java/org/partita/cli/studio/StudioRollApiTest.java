package org.partita.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partita.cli.pipeline.RollHarmony;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.midi.SharedData;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;
import org.partita.training.roll.RollModel;
import org.partita.training.roll.SamplingConfig;
import org.partita.training.roll.ScoreRolls;
import org.partita.training.roll.VoiceRoll;

/** Harmonize and infill over HTTP with the chorale model shipped in the training jar (no token model loaded). */
class StudioRollApiTest {

    /** Two bars: quarters, a repeated note, eighths, a dotted quarter, a rest (on the 16th grid). */
    private static final String MELODY = "T100 V0 I[Flute] G4q G4q A4i B4i C5q | D5q. C5i Rq G4q";
    private static final String FEW_STEPS = "\"gibbsSteps\": 24"; // keeps each candidate well under a second

    private static RollModels rolls;
    private static StudioServer server;
    private static StudioHttp http;

    @BeforeAll
    static void start() throws Exception {
        rolls = RollModels.load(null, 1, line -> { });
        server = StudioServer.start(null, rolls, StudioServer.Settings.defaults().withPort(0));
        http = new StudioHttp(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        rolls.close();
    }

    @Test
    void harmonizingTwiceWithOneSeedGivesIdenticalCandidatesWithTheMelodyAsSoprano() throws Exception {
        JsonNode sketch = http.post("/api/pieces", "{\"staccato\": \"" + MELODY + "\"}", 201);
        String id = sketch.get("id").asText();
        String options = "{\"seed\": 3, \"candidates\": 2, " + FEW_STEPS + "}";
        JsonNode first = http.post("/api/pieces/" + id + "/harmonize", options, 200);
        JsonNode second = http.post("/api/pieces/" + id + "/harmonize", options, 200);
        assertEquals(2, first.get("candidates").size());
        List<String> melody = notes(sketch, 0);
        assertEquals(8, melody.size(), "the sketch's notes: " + melody);
        for (int i = 0; i < 2; i++) {
            JsonNode a = first.get("candidates").get(i);
            JsonNode b = second.get("candidates").get(i);
            assertNotEquals(a.get("id"), b.get("id"), "each candidate is a new piece");
            assertEquals(a.get("notes"), b.get("notes"), "candidate " + i + " with seed 3");
            assertEquals(4, a.get("tracks").size(), a.get("tracks").toString());
            assertEquals(melody, notes(a, 0), "candidate " + i + ": the soprano is the melody note for note");
            assertTrue(a.get("memorisation").get("checked").asBoolean(), a.get("memorisation").toString());
            assertEquals(id, a.get("parent").asText());
            assertTrue(a.get("source").asText().contains("seed " + (3 + i)), a.get("source").asText());
        }
        assertNotEquals(first.get("candidates").get(0).get("notes"), first.get("candidates").get(1).get("notes"),
                "candidate 1 uses seed 4: other music");
        // candidate 1 is what partita harmonize --seed 4 --gibbs-steps 24 writes (the same RollHarmony code)
        Score input = MidiReader.strict().read(http.send("GET", "/api/pieces/" + id + ".mid", null, null).body(),
                id + ".mid").score();
        Score cli;
        try (RollModel model = org.partita.training.roll.RollModels.loadDefault()) {
            cli = RollHarmony.harmonize(input, null, model, SamplingConfig.defaults().withSeed(4).withSteps(24),
                    RollHarmony.DEFAULT_PROGRAMS).score();
        }
        Score served = MidiReader.strict().read(http.send("GET", "/api/pieces/"
                + first.get("candidates").get(1).get("id").asText() + ".mid", null, null).body(), "c.mid").score();
        for (int v = 0; v < 4; v++) {
            assertEquals(cli.tracks().get(v).notes(), served.tracks().get(v).notes(), "voice " + (v + 1));
        }
    }

    @Test
    void infillKeepsEveryCellOutsideTheChosenBarsAndVoices() throws Exception {
        // the first four bars of a four-voice chorale from the shared corpus
        Path file = SharedData.midiFiles(SharedData.dir("corpora/js_fakes/midi")).get(0);
        Score full = MidiReader.lenient().read(file).score();
        Score opening = full.clipped(0, full.timeGrid().barStartTick(4));
        JsonNode piece = JSON(http.send("POST", "/api/pieces?name=" + file.getFileName(), "audio/midi",
                MidiWriter.toBytes(opening, opening.ticksPerQuarter())).body());
        String id = piece.get("id").asText();
        assertEquals(4, piece.get("bars").asInt(), file + " clipped to 4 bars");
        JsonNode r = http.post("/api/pieces/" + id + "/infill",
                "{\"bars\": \"2-3\", \"voices\": [2, 4], \"seed\": 9, \"candidates\": 2, " + FEW_STEPS + "}", 200);
        Score input = MidiReader.strict().read(http.send("GET", "/api/pieces/" + id + ".mid", null, null).body(),
                id + ".mid").score();
        VoiceRoll before = roll(input);
        TimeGrid grid = input.timeGrid();
        int from = ScoreRolls.stepOf(grid.barStartTick(1), input.ticksPerQuarter());
        int to = ScoreRolls.stepOf(grid.barStartTick(3), input.ticksPerQuarter());
        int changedInside = 0;
        for (JsonNode c : r.get("candidates")) {
            Score out = MidiReader.strict().read(http.send("GET", "/api/pieces/" + c.get("id").asText() + ".mid",
                    null, null).body(), "c.mid").score();
            VoiceRoll after = roll(out);
            assertEquals(before.stepCount(), after.stepCount());
            for (int v = 0; v < 4; v++) {
                boolean chosen = v == 1 || v == 3;
                for (int t = 0; t < before.stepCount(); t++) {
                    if (chosen && t >= from && t < to) {
                        changedInside += before.pitch(v, t) != after.pitch(v, t) ? 1 : 0;
                    } else {
                        assertEquals(before.pitch(v, t), after.pitch(v, t), "voice " + (v + 1) + ", 16th step " + t
                                + " (outside bars 2-3 or not a chosen voice) is kept in " + c.get("id"));
                    }
                }
            }
            assertTrue(c.get("memorisation").get("checked").asBoolean(), c.get("memorisation").toString());
        }
        assertTrue(changedInside > 0, "the model rewrote some of alto and bass in bars 2-3");
    }

    @Test
    void badRollRequestsAre400JsonNamingTheRule() throws Exception {
        String melody = http.post("/api/pieces", "{\"staccato\": \"V0 C5q E5q G5h\"}", 201).get("id").asText();
        String empty = http.post("/api/pieces", "{\"staccato\": \"\"}", 201).get("id").asText();
        String drums = http.post("/api/pieces", "{\"staccato\": \"V9 [Bass_Drum]q Rq [Acoustic_Snare]q Rq\"}", 201)
                .get("id").asText();
        String satb = http.post("/api/pieces", "{\"staccato\": \"V0 C5w | D5w V1 G4w | G4w V2 E4w | F4w V3 C3w | "
                + "B2w\"}", 201).get("id").asText();
        assertError(empty, "harmonize", "{}", "piece " + empty + " has no notes to harmonize");
        assertError(drums, "harmonize", "{}", "harmonize " + drums + ": no melody: the file has no non-drum track "
                + "with notes (empty or drums only)");
        assertError(melody, "infill", "{\"bars\": \"1\"}", "infill " + melody + ": infill needs exactly 4 note "
                + "tracks (soprano, alto, tenor, bass), the file has 1");
        assertError(satb, "infill", "{\"bars\": \"2-3\"}", "infill " + satb + ": bars 2-3 outside the piece (bars 1-2)");
        assertError(satb, "infill", "{\"bars\": \"3-1\"}",
                "infill option 'bars': expected A-B with 1 <= A <= B (e.g. 5-8), got '3-1'");
        assertError(satb, "infill", "{}", "infill needs \"bars\": \"A-B\" (1-based, inclusive, e.g. \"5-8\"), got null");
        assertError(satb, "infill", "{\"bars\": \"1\", \"voices\": [0]}", "voices are 1..4 (1 = soprano .. 4 = bass), got 0");
        assertError(satb, "infill", "{\"bars\": \"1\", \"voices\": [5]}", "voices are 1..4 (1 = soprano .. 4 = bass), got 5");
        assertError(satb, "infill", "{\"bars\": \"1\", \"voices\": []}",
                "voices must name at least one voice (1 = soprano .. 4 = bass)");
        assertError(melody, "harmonize", "{\"programs\": [40, 41]}",
                "programs needs 4 values (soprano, alto, tenor, bass), got 2");
        assertError(melody, "harmonize", "{\"candidates\": 9}", "candidates must be 1..8, got 9");
        assertError(melody, "harmonize", "{\"steps\": 9}",
                "unknown harmonize option 'steps': use seed, candidates, gibbsSteps, temperature, programs");
        // infill works on the four-voice sketch (a bar of it)
        http.post("/api/pieces/" + satb + "/infill", "{\"bars\": \"2\", \"voices\": [2, 3], " + FEW_STEPS + ", "
                + "\"candidates\": 1}", 200);
    }

    @Test
    void theMemorisationCheckSeesOnlyWhatTheModelWrote() throws Exception {
        Score melody = org.partita.symbolic.staccato.StaccatoReader.defaults().read(MELODY).score();
        RollModels.Candidate h = rolls.harmonize(melody, new RollRequest(5, 1, 8, 0.99, null, 0, 0, List.of())).get(0);
        assertEquals(4, h.score().tracks().size());
        assertEquals(h.score().tracks().subList(1, 4), h.generated().tracks(), "alto, tenor and bass, not the melody");
        RollModels.Candidate f = rolls.infill(h.score(), new RollRequest(5, 1, 8, 0.99, null, 2, 2, List.of(4, 2)))
                .get(0);
        assertEquals(List.of("Alto", "Bass"), f.generated().tracks().stream().map(Track::name).toList());
        long barTicks = f.score().timeGrid().barStartTick(2) - f.score().timeGrid().barStartTick(1);
        for (Track t : f.generated().tracks()) {
            for (Note n : t.notes()) {
                assertTrue(n.startTick() >= 0 && n.endTick() <= barTicks, "only bar 2 is checked: " + n);
            }
        }
    }

    @Test
    void aRollRequestOverItsTimeBudgetIsAnswered503() throws Exception {
        try (StudioServer tight = StudioServer.start(null, rolls,
                StudioServer.Settings.defaults().withPort(0).withTimeBudgetSeconds(0.05))) {
            StudioHttp h = new StudioHttp(tight.port());
            String id = h.post("/api/pieces", "{\"staccato\": \"" + MELODY + "\"}", 201).get("id").asText();
            // a few steps: closing the server waits for the candidate under way, which must not outlive the test
            JsonNode e = h.post("/api/pieces/" + id + "/harmonize", "{\"candidates\": 8, " + FEW_STEPS + "}", 503);
            assertTrue(e.get("error").asText().contains("time budget"), e.toString());
        }
    }

    private static void assertError(String id, String action, String json, String message) throws Exception {
        JsonNode e = http.post("/api/pieces/" + id + "/" + action, json, 400);
        assertEquals(message, e.get("error").asText());
        assertEquals(1, e.size(), "only {\"error\"}: " + e);
    }

    /** Track {@code track}'s notes as pitch@start+duration. */
    private static List<String> notes(JsonNode piece, int track) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : piece.get("notes")) {
            if (n.get("track").asInt() == track) {
                out.add(n.get("pitch").asInt() + "@" + n.get("startTick").asLong() + "+" + n.get("durationTicks").asLong());
            }
        }
        return out;
    }

    /** The four note tracks on the 16th grid (the model's cells). */
    private static VoiceRoll roll(Score s) {
        List<Integer> tracks = ScoreRolls.noteTracks(s);
        assertEquals(4, tracks.size(), "four voices");
        return ScoreRolls.toRoll(s, tracks, 0).roll();
    }

    private static JsonNode JSON(byte[] body) throws Exception {
        return StudioHttp.JSON.readTree(body);
    }
}
