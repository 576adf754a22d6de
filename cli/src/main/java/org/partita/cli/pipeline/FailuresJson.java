package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.partita.midi.scan.FileFailure;

/**
 * {@code failures.json} of a token corpus: {@code {"formatVersion": 1, "failures": [{"path", "byteOffset",
 * "reason"}, ...]}}, in input order; {@code byteOffset} is -1 when the problem is not at one place.
 * Kept apart from {@code index.json}, whose reader rejects unknown keys.
 */
final class FailuresJson {

    static final int FORMAT_VERSION = 1;

    private FailuresJson() {
    }

    static void write(List<FileFailure> failures, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode list = root.putArray("failures");
        for (FileFailure f : failures) {
            list.addObject().put("path", f.path().toString()).put("byteOffset", f.byteOffset()).put("reason", f.reason());
        }
        OutputTarget.of(file).writeString(mapper.writeValueAsString(root) + "\n");
    }
}
