package org.partita.cli.studio;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the piano-roll model (issue 11: harmonize, infill) plugs into the studio: the one class to change when it
 * lands. Until then every roll request is answered 501 with the reason, and {@code /api/health} says so; the page
 * shows the buttons as "needs a piano-roll model — coming".
 */
final class RollModels {

    /** Why harmonize and infill are not available in this build. */
    static final String NOT_BUILT = "harmonize and infill need the piano-roll model (issue 11), which is not in "
            + "this build yet — coming";

    private final Path rollModel;

    /** {@code rollModel}: the {@code --roll-model} folder, or null. */
    RollModels(Path rollModel) {
        this.rollModel = rollModel;
    }

    /** For {@code /api/health}: {@code available} and, when false, {@code reason}. */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", false);
        m.put("reason", reason());
        m.put("rollModel", rollModel == null ? null : rollModel.toString());
        return m;
    }

    /** Answers a harmonize or infill request for {@code piece}: for now always a 501 with the reason. */
    Object run(String action, StudioPiece piece) {
        throw new ApiException(501, action + " is not available: " + reason(), Map.of("coming", true));
    }

    private String reason() {
        return rollModel == null ? NOT_BUILT + " (and no --roll-model was given)"
                : NOT_BUILT + " (--roll-model " + rollModel + " is ignored)";
    }
}
