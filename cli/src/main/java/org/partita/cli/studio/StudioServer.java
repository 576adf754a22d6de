package org.partita.cli.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.partita.cli.pipeline.RollHarmony;
import org.partita.evaluation.memorisation.MemorisationIndex;
import org.partita.evaluation.memorisation.MemorisationVerdict;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.midi.ReadOptions;
import org.partita.midi.WriteOptions;
import org.partita.midi.audio.WavRenderer;
import org.partita.midi.render.PianoRollPng;
import org.partita.midi.render.PianoRollSvg;
import org.partita.midi.render.RenderOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.symbolic.staccato.StaccatoReader;
import org.partita.symbolic.staccato.StaccatoReading;
import org.partita.symbolic.staccato.StaccatoSyntaxException;
import org.partita.symbolic.staccato.StaccatoWarning;

/**
 * The studio's web server: the page from the jar's {@code studio/} resources at {@code /} and the JSON API of
 * docs/studio.md under {@code /api}. Errors are JSON {@code {"error": "..."}} with a 4xx/5xx status, never a stack
 * trace. Cross-origin requests (an {@code Origin} other than the server's own) are refused. Never prints.
 */
public final class StudioServer implements AutoCloseable {

    /**
     * How the server runs.
     *
     * @param host              address to bind (127.0.0.1 unless the user asks otherwise)
     * @param port              TCP port (0 = any free one)
     * @param queueCapacity     generation requests that may wait behind the running one
     * @param timeBudgetSeconds longest a generation request may take, waiting included
     * @param maxUploadBytes    largest request body (the MIDI reader's limit by default)
     * @param keptPieces        pieces kept in memory (the least recently used are dropped)
     */
    public record Settings(String host, int port, int queueCapacity, double timeBudgetSeconds, long maxUploadBytes,
                           int keptPieces) {
        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            if (queueCapacity < 1 || !(timeBudgetSeconds > 0) || maxUploadBytes < 14 || keptPieces < 1) {
                throw new IllegalArgumentException("need queue >= 1, time budget > 0, upload limit >= 14 bytes and "
                        + "kept pieces >= 1, got " + queueCapacity + ", " + timeBudgetSeconds + ", " + maxUploadBytes
                        + ", " + keptPieces);
            }
        }

        /** 127.0.0.1:8080, 8 waiting requests, 120 s budget, 32 MiB uploads, 500 pieces. */
        public static Settings defaults() {
            return new Settings("127.0.0.1", 8080, 8, 120, ReadOptions.DEFAULT_MAX_INPUT_BYTES, 500);
        }

        public Settings withHost(String newHost) {
            return new Settings(newHost, port, queueCapacity, timeBudgetSeconds, maxUploadBytes, keptPieces);
        }

        public Settings withPort(int newPort) {
            return new Settings(host, newPort, queueCapacity, timeBudgetSeconds, maxUploadBytes, keptPieces);
        }

        public Settings withQueueCapacity(int newQueueCapacity) {
            return new Settings(host, port, newQueueCapacity, timeBudgetSeconds, maxUploadBytes, keptPieces);
        }

        public Settings withTimeBudgetSeconds(double newTimeBudgetSeconds) {
            return new Settings(host, port, queueCapacity, newTimeBudgetSeconds, maxUploadBytes, keptPieces);
        }
    }

    /** Longest Staccato text accepted, in characters. */
    static final int MAX_STACCATO_CHARS = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIONS = Set.of("continue", "harmonize", "infill");

    private final StudioModel model;
    private final RollModels rolls;
    private final Settings settings;
    private final PieceStore store;
    private final GenerationPool pool;
    private final WavCache wavs = new WavCache(12);
    private final Path tempDir;
    private final Javalin app;

    private StudioServer(StudioModel model, RollModels rolls, Settings settings) throws IOException {
        this.model = model;
        this.rolls = rolls != null ? rolls : RollModels.unavailable("no piano-roll model was loaded");
        this.settings = settings;
        this.store = new PieceStore(settings.keptPieces());
        // one worker: the model is loaded once and is not shared between threads; sampling already uses the cores
        this.pool = new GenerationPool(1, settings.queueCapacity(), settings.timeBudgetSeconds());
        this.tempDir = Files.createTempDirectory("partita-studio-");
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = settings.maxUploadBytes();
            config.http.compressionStrategy = CompressionStrategy.NONE; // loopback: nothing to gain, lengths stay known
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/studio";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
            });
            config.routes.before(this::refuseCrossOrigin);
            config.routes.get("/api/health", ctx -> ctx.json(health()));
            config.routes.post("/api/pieces", this::addPiece);
            config.routes.get("/api/pieces/{file}", this::getPiece);
            config.routes.post("/api/pieces/{id}/{action}", this::act);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.extra()));
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> error(ctx, 400, e.getMessage(), Map.of()));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), Map.of()));
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    error(ctx, 404, "no such API route: " + ctx.method() + " " + ctx.path() + " (see docs/studio.md)",
                            Map.of());
                }
            });
            config.routes.error(413, ctx -> error(ctx, 413, "request body over the limit of "
                    + settings.maxUploadBytes() + " bytes", Map.of()));
        });
    }

    /**
     * Starts a server on {@code settings.host():settings.port()}.
     *
     * @param model     the token model, or null (continue then answers 503 saying how to get one)
     * @param rolls     the piano-roll model for harmonize and infill, or null (they then answer 503)
     */
    public static StudioServer start(StudioModel model, RollModels rolls, Settings settings) throws IOException {
        StudioServer server = new StudioServer(model, rolls, settings);
        try {
            server.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.close(); // the temp folder and the pool go with it
            throw e;
        }
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port() + "/";
    }

    /** The folder generation writes to (deleted by {@link #close()}). */
    public Path tempDir() {
        return tempDir;
    }

    private void refuseCrossOrigin(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        String origin = ctx.header("Origin");
        if (origin == null || !ctx.path().startsWith("/api/")) {
            return;
        }
        int port = app.port();
        List<String> own = List.of("http://127.0.0.1:" + port, "http://localhost:" + port,
                "http://" + settings.host() + ":" + port, "http://[::1]:" + port);
        if (!own.contains(origin)) {
            throw new ApiException(403, "cross-origin request from " + origin + " refused (the studio's API answers "
                    + "only its own page)");
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        if (model == null) {
            m.put("model", Map.of("available", false, "reason", noModel()));
            m.put("memorisation", PieceJson.unchecked("no model"));
        } else {
            m.put("model", Map.of("available", true, "checkpoint", model.run().checkpoint().toString(),
                    "step", model.run().info().step(), "tokenizer", model.run().tokenizer().name()));
            m.put("memorisation", PieceJson.index(model.index(), model.indexProblem()));
        }
        m.put("rollModel", rolls.status());
        m.put("wav", WavRenderer.isAvailable());
        m.put("generation", pool.stats());
        m.put("pieces", store.size());
        m.put("maxUploadBytes", settings.maxUploadBytes());
        return m;
    }

    private static String noModel() {
        return "no token model loaded: start with --model DIR, or make one with ./partita demo "
                + "(writes partita-demo/run, which partita studio opens by default)";
    }

    private void addPiece(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (ctx.contentLength() > settings.maxUploadBytes()) {
            throw new ApiException(413, "request body of " + ctx.contentLength() + " bytes is over the limit of "
                    + settings.maxUploadBytes() + " bytes");
        }
        StudioPiece piece;
        if (type.startsWith("application/json")) {
            JsonNode body = body(ctx);
            JsonNode text = body.get("staccato");
            if (text == null || !text.isTextual()) {
                throw new ApiException(400, "a JSON body must be {\"staccato\": \"...\"}; send a MIDI file as "
                        + "Content-Type audio/midi");
            }
            piece = fromStaccato(text.asText());
        } else {
            byte[] bytes = ctx.bodyAsBytes();
            String name = ctx.queryParam("name") == null ? "upload.mid" : ctx.queryParam("name");
            Score score;
            try {
                score = MidiReader.lenient().read(bytes, name).score();
            } catch (MidiFormatException e) {
                throw new ApiException(400, name + ": not a MIDI file we can read: "
                        + (e.byteOffset() >= 0 ? "at byte " + e.byteOffset() + ": " : "") + e.rule());
            }
            String source = "MIDI upload " + name;
            piece = store.add(id -> new StudioPiece(id, score, source, null, null));
        }
        ctx.status(201).json(PieceJson.piece(piece));
    }

    private StudioPiece fromStaccato(String text) {
        if (text.length() > MAX_STACCATO_CHARS) {
            throw new ApiException(413, "Staccato text of " + text.length() + " characters is over the limit of "
                    + MAX_STACCATO_CHARS);
        }
        StaccatoReading reading;
        try {
            reading = StaccatoReader.defaults().read(text);
        } catch (StaccatoSyntaxException e) {
            throw new ApiException(400, e.getMessage(), Map.of("line", e.line(), "column", e.column(),
                    "problem", e.problem()));
        }
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (StaccatoWarning w : reading.warnings()) {
            warnings.add(Map.of("line", w.line(), "column", w.column(), "message", w.message()));
        }
        String source = warnings.isEmpty() ? "staccato" : "staccato (" + warnings.size() + " warnings)";
        return store.add(id -> new StudioPiece(id, reading.score(), source, null, null));
    }

    private void getPiece(Context ctx) throws IOException, InterruptedException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String id = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "json" : file.substring(dot + 1);
        StudioPiece piece = store.get(id);
        Score score = piece.score();
        String download = "attachment; filename=\"partita-" + id + "." + ext + "\"";
        switch (ext) {
            case "json" -> ctx.json(PieceJson.piece(piece));
            case "mid" -> ctx.contentType("audio/midi").header("Content-Disposition", download)
                    .result(MidiWriter.toBytes(score, WriteOptions.DEFAULT_TICKS_PER_QUARTER));
            case "wav" -> {
                if (!WavRenderer.isAvailable()) {
                    throw new ApiException(503, "WAV rendering is not available in this Java (no Gervill); the "
                            + "page plays the notes with Web Audio instead");
                }
                byte[] wav = wavs.get(piece);
                // seekable (Range requests, Content-Length): browsers then know the duration and can seek
                ctx.header("Content-Disposition", download.replace("attachment", "inline"))
                        .writeSeekableStream(new ByteArrayInputStream(wav), "audio/wav", wav.length);
            }
            case "svg" -> ctx.contentType("image/svg+xml")
                    .result(PianoRollSvg.toSvg(roll(piece), RenderOptions.defaults().withTitle("partita " + id)));
            case "png" -> ctx.contentType("image/png").header("Content-Disposition", download)
                    .result(PianoRollPng.toPng(roll(piece), RenderOptions.defaults().withTitle("partita " + id)));
            default -> throw new ApiException(404, "unknown format '." + ext + "': use .json, .mid, .wav, .svg or .png");
        }
    }

    private static PianoRoll roll(StudioPiece piece) {
        if (piece.score().noteCount() == 0) {
            throw new ApiException(400, "piece " + piece.id() + " has no notes to draw");
        }
        return PianoRoll.from(piece.score());
    }

    private void act(Context ctx) throws Exception {
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action)) {
            throw new ApiException(404, "no action '" + action + "': use continue, harmonize or infill");
        }
        StudioPiece piece = store.get(ctx.pathParam("id"));
        JsonNode body = body(ctx);
        if ("continue".equals(action)) {
            continuePiece(ctx, piece, body);
        } else {
            rollAction(ctx, action, piece, body);
        }
    }

    private void continuePiece(Context ctx, StudioPiece piece, JsonNode body) throws Exception {
        if (model == null) {
            throw new ApiException(503, noModel());
        }
        ContinueOptions options = continueOptions(body);
        int bars = piece.bars();
        if (piece.score().noteCount() == 0 || bars == 0) {
            throw new ApiException(400, "piece " + piece.id() + " has no notes to continue");
        }
        long t0 = System.nanoTime();
        List<Score> scores = pool.run(() -> model.continuePiece(piece.score(), bars, options, tempDir,
                "continue-" + piece.id() + "-" + System.nanoTime()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("prompt", piece.id());
        out.put("promptBars", bars);
        out.put("options", options);
        out.put("candidates", candidates(piece, scores, scores, model.index(), model.indexProblem(),
                i -> "continue of " + piece.id() + ", seed " + options.seed() + ", candidate " + i));
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        ctx.json(out);
    }

    private void rollAction(Context ctx, String action, StudioPiece piece, JsonNode body) throws Exception {
        if (!rolls.available()) {
            throw new ApiException(503, action + " needs the piano-roll model: " + rolls.reason());
        }
        RollRequest options = rollOptions(action, body);
        if (piece.score().noteCount() == 0) {
            throw new ApiException(400, "piece " + piece.id() + " has no notes to " + action);
        }
        long t0 = System.nanoTime();
        List<RollModels.Candidate> made;
        try {
            made = pool.run(() -> "harmonize".equals(action) ? rolls.harmonize(piece.score(), options)
                    : rolls.infill(piece.score(), options));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, action + " " + piece.id() + ": " + e.getMessage());
        }
        List<Score> scores = made.stream().map(RollModels.Candidate::score).toList();
        List<Score> generated = made.stream().map(RollModels.Candidate::generated).toList();
        String what = "harmonize".equals(action) ? "harmonize"
                : "infill bars " + options.firstBar() + "-" + options.lastBar() + " voices " + options.voices();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("prompt", piece.id());
        out.put("promptBars", piece.bars());
        out.put("options", options);
        out.put("notes", made.isEmpty() ? List.of() : made.get(0).notes());
        out.put("candidates", candidates(piece, scores, generated, rolls.index(), rolls.indexProblem(),
                i -> what + " of " + piece.id() + ", seed " + (options.seed() + i) + ", candidate " + i));
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        ctx.json(out);
    }

    /**
     * Stores {@code scores} as candidates of {@code parent}, checks {@code checked.get(i)} (the part the model
     * wrote) against {@code index}, and queues their WAV renderings.
     */
    private List<Map<String, Object>> candidates(StudioPiece parent, List<Score> scores, List<Score> checked,
                                                 MemorisationIndex index, String indexProblem,
                                                 IntFunction<String> source) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            MemorisationVerdict verdict = index == null ? null : index.check(checked.get(i));
            String from = source.apply(i);
            StudioPiece c = store.add(id -> new StudioPiece(id, s, from, parent.id(), verdict));
            Map<String, Object> json = PieceJson.piece(c);
            json.put("candidate", i);
            if (c.memorisation() == null) {
                json.put("memorisation", PieceJson.unchecked(indexProblem));
            }
            candidates.add(json);
            if (WavRenderer.isAvailable()) {
                wavs.prepare(c); // rendered while the page draws the rolls: play then starts at once
            }
        }
        return candidates;
    }

    private static ContinueOptions continueOptions(JsonNode body) {
        checkFields("continue", body, List.of("bars", "temperature", "topP", "seed", "candidates"), List.of());
        ContinueOptions d = ContinueOptions.defaults();
        return new ContinueOptions(body.path("bars").asInt(d.bars()), body.path("temperature").asDouble(d.temperature()),
                body.path("topP").asDouble(d.topP()), body.path("seed").asLong(d.seed()),
                body.path("candidates").asInt(d.candidates()));
    }

    private static RollRequest rollOptions(String action, JsonNode body) {
        boolean infill = "infill".equals(action);
        List<String> numbers = List.of("seed", "candidates", "gibbsSteps", "temperature");
        checkFields(action, body, numbers, infill ? List.of("bars", "voices", "programs") : List.of("programs"));
        RollRequest d = RollRequest.harmonizeDefaults();
        int firstBar = 0;
        int lastBar = 0;
        List<Integer> voices = List.of();
        if (infill) {
            JsonNode bars = body.get("bars");
            if (bars == null || !(bars.isTextual() || bars.isInt())) {
                throw new ApiException(400, "infill needs \"bars\": \"A-B\" (1-based, inclusive, e.g. \"5-8\"), got "
                        + bars);
            }
            int[] range;
            try {
                range = RollHarmony.parseBars(bars.asText());
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "infill option 'bars': " + e.getMessage());
            }
            firstBar = range[0];
            lastBar = range[1];
            voices = body.has("voices") ? ints(body, "voices") : List.of(1, 2, 3, 4);
            if (voices.isEmpty()) {
                throw new ApiException(400, "voices must name at least one voice (1 = soprano .. 4 = bass)");
            }
        }
        return new RollRequest(body.path("seed").asLong(d.seed()), body.path("candidates").asInt(d.candidates()),
                body.path("gibbsSteps").asInt(d.gibbsSteps()), body.path("temperature").asDouble(d.temperature()),
                body.has("programs") ? ints(body, "programs") : null, firstBar, lastBar, voices);
    }

    /** Refuses names outside {@code numbers} and {@code others}, and non-numbers among {@code numbers}. */
    private static void checkFields(String action, JsonNode body, List<String> numbers, List<String> others) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!numbers.contains(f) && !others.contains(f)) {
                List<String> all = new ArrayList<>(numbers);
                all.addAll(others);
                throw new ApiException(400, "unknown " + action + " option '" + f + "': use "
                        + String.join(", ", all));
            }
            if (numbers.contains(f) && !body.get(f).isNumber()) {
                throw new ApiException(400, action + " option '" + f + "' must be a number, got " + body.get(f));
            }
        }
    }

    private static List<Integer> ints(JsonNode body, String field) {
        JsonNode a = body.get(field);
        List<Integer> out = new ArrayList<>();
        if (a.isArray()) {
            for (JsonNode n : a) {
                if (!n.isInt()) {
                    out = null;
                    break;
                }
                out.add(n.asInt());
            }
        }
        if (!a.isArray() || out == null) {
            throw new ApiException(400, "option '" + field + "' must be a list of whole numbers, got " + a);
        }
        return out;
    }

    private static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "cannot read the body: " + e.getMessage());
        }
    }

    private static void error(Context ctx, int status, String message, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.putAll(extra);
        if (extra.get("retryAfterSeconds") instanceof Number n) {
            ctx.header("Retry-After", String.valueOf(n.longValue()));
        }
        ctx.status(status).json(m);
    }

    /** Stops the server and the generation pool, and deletes the temp folder. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            pool.close();
            wavs.close();
            deleteTempDir();
        }
    }

    private void deleteTempDir() {
        try (Stream<Path> files = Files.walk(tempDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the OS cleans its temp folder; nothing more to do here, and the server is stopping anyway
        }
    }
}
