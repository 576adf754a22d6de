package org.partita.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP calls to a studio server on 127.0.0.1, for the API tests. */
final class StudioHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    StudioHttp(int port) {
        this.port = port;
    }

    HttpResponse<byte[]> send(String method, String path, String type, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs {@code json} and checks the status; returns the JSON answer. */
    JsonNode post(String path, String json, int expectedStatus) throws Exception {
        HttpResponse<byte[]> r = send("POST", path, "application/json", json.getBytes());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(expectedStatus, r.statusCode(), path + " " + json + " -> " + body);
        return body;
    }
}
