package org.partita.tokenizers.remi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * MidiTok 3.0.6's chord settings ({@code use_chords}, {@code chord_maps},
 * {@code chord_tokens_with_root_note}, {@code chord_unknown}), read from the MidiTok keys a
 * {@link RemiConfig} keeps verbatim. Immutable.
 *
 * @param enabled {@code use_chords}
 * @param qualities chord qualities in {@code chord_maps} order (the vocabulary order)
 * @param withRootNote {@code Chord_C:maj} rather than {@code Chord_maj}
 * @param unknownLow first note count of "unknown" chords ({@code chord_unknown[0]}), or -1 when off
 * @param unknownHigh end (exclusive) of the unknown note counts ({@code chord_unknown[1]})
 */
record ChordSettings(boolean enabled, List<Quality> qualities, boolean withRootNote, int unknownLow, int unknownHigh) {

    /** A quality name and its intervals above the root, e.g. {@code maj = [0, 4, 7]}. */
    record Quality(String name, int[] intervals) {
        Quality {
            intervals = intervals.clone();
        }
    }

    /** MidiTok's pitch-class names, index = pitch % 12. */
    static final String[] PITCH_CLASSES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    /** MidiTok's {@code UNKNOWN_CHORD_PREFIX}. */
    static final String UNKNOWN_PREFIX = "ukn";
    /** MidiTok's default {@code CHORD_MAPS} (constants.py), used when a config has no {@code chord_maps}. */
    static final String DEFAULT_MAPS_JSON = "{\"min\": [0, 3, 7], \"maj\": [0, 4, 7], \"dim\": [0, 3, 6],"
            + " \"aug\": [0, 4, 8], \"sus2\": [0, 2, 7], \"sus4\": [0, 5, 7], \"7dom\": [0, 4, 7, 10],"
            + " \"7min\": [0, 3, 7, 10], \"7maj\": [0, 4, 7, 11], \"7halfdim\": [0, 3, 6, 10], \"7dim\": [0, 3, 6, 9],"
            + " \"7aug\": [0, 4, 8, 11], \"9maj\": [0, 4, 7, 10, 14], \"9min\": [0, 4, 7, 10, 13]}";

    private static final ObjectMapper JSON = new ObjectMapper();

    ChordSettings {
        qualities = List.copyOf(qualities);
    }

    /** The chord settings of {@code config}, with MidiTok's defaults for absent keys. */
    static ChordSettings of(RemiConfig config) {
        Map<String, String> o = config.otherMidiTokSettings();
        boolean enabled = "true".equals(o.getOrDefault("use_chords", "false").trim());
        boolean root = "true".equals(o.getOrDefault("chord_tokens_with_root_note", "false").trim());
        try {
            JsonNode maps = JSON.readTree(o.getOrDefault("chord_maps", DEFAULT_MAPS_JSON));
            if (maps == null || !maps.isObject()) {
                throw new IllegalArgumentException("chord_maps must be an object of name -> intervals, got " + maps);
            }
            List<Quality> qualities = new ArrayList<>();
            for (var it = maps.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isArray()) {
                    throw new IllegalArgumentException("chord_maps '" + e.getKey() + "' must be a list of intervals, got "
                            + e.getValue());
                }
                int[] intervals = new int[e.getValue().size()];
                for (int i = 0; i < intervals.length; i++) {
                    intervals[i] = e.getValue().get(i).asInt();
                }
                qualities.add(new Quality(e.getKey(), intervals));
            }
            JsonNode unknown = JSON.readTree(o.getOrDefault("chord_unknown", "null"));
            int lo = -1;
            int hi = -1;
            if (unknown != null && !unknown.isNull()) {
                if (!unknown.isArray() || unknown.size() != 2) {
                    throw new IllegalArgumentException("chord_unknown must be null or [min, max), got " + unknown);
                }
                lo = unknown.get(0).asInt();
                hi = unknown.get(1).asInt();
                if (lo < 0 || hi < lo) {
                    throw new IllegalArgumentException("chord_unknown must satisfy 0 <= min <= max, got " + unknown);
                }
            }
            return new ChordSettings(enabled, qualities, root, lo, hi);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("chord settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Index of the quality whose intervals equal {@code map} exactly, or -1. */
    int qualityIndex(int[] map, int length) {
        for (int q = 0; q < qualities.size(); q++) {
            if (Arrays.equals(qualities.get(q).intervals(), 0, qualities.get(q).intervals().length, map, 0, length)) {
                return q;
            }
        }
        return -1;
    }

    /** The Chord token strings in MidiTok's vocabulary order. */
    List<String> tokens() {
        List<String> out = new ArrayList<>();
        for (Quality q : qualities) {
            if (withRootNote) {
                for (String root : PITCH_CLASSES) {
                    out.add("Chord_" + root + ":" + q.name());
                }
            } else {
                out.add("Chord_" + q.name());
            }
        }
        if (unknownLow >= 0) {
            for (int n = unknownLow; n < unknownHigh; n++) {
                if (withRootNote) {
                    for (String root : PITCH_CLASSES) {
                        out.add("Chord_" + root + ":" + UNKNOWN_PREFIX + n);
                    }
                } else {
                    out.add("Chord_" + UNKNOWN_PREFIX + n);
                }
            }
        }
        return out;
    }
}
