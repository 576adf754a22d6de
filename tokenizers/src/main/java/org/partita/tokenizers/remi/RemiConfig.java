package org.partita.tokenizers.remi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the REMI tokenizer, field for field MidiTok 3.0.6's {@code TokenizerConfig} as far
 * as REMI uses it; its JSON form is MidiTok's {@code tokenizer.json} ({@link RemiConfigJson}).
 * Immutable: change it with {@code withX(..)} copies. Thread-safe.
 *
 * <p>Invariants (checked on construction, messages name the value): pitch ranges inclusive within
 * 0..127; beat ranges non-empty; 1..127 velocity bins; tempo range positive with at least one bin;
 * programs in -1..127 (-1 = drums) without duplicates; special tokens in {@code TYPE_None} form.
 * Chord settings ({@code use_chords}, {@code chord_maps}, {@code chord_tokens_with_root_note},
 * {@code chord_unknown}) live in {@link #otherMidiTokSettings} as MidiTok JSON and are read by the
 * vocabulary; {@link #withChords} sets them. Features this implementation does not have yet (sustain pedals, pitch bends, pitch
 * intervals, program changes, one sequence per track, attribute controls, bar embeddings) are
 * refused when switched on; their MidiTok settings are kept verbatim in {@link #otherMidiTokSettings}
 * (JSON text) so a loaded file saves back unchanged.
 *
 * @param pitchLow lowest Pitch token (MidiTok {@code pitch_range[0]}, inclusive)
 * @param pitchHigh highest Pitch token (inclusive)
 * @param beatRes duration resolution per beat range; the largest resolution is the number of positions per beat
 * @param numVelocities number of velocity bins
 * @param specialTokens special tokens, first ids of the vocabulary
 * @param useVelocities Velocity tokens after each pitch
 * @param useNoteDurationPrograms programs (-1 = drums) whose notes get Duration tokens
 * @param useRests Rest tokens for silences
 * @param useTempos Tempo tokens
 * @param useTimeSignatures TimeSig tokens after each Bar, and bars following the meter
 * @param usePrograms Program tokens before each note (all tracks in one stream)
 * @param usePitchdrumTokens PitchDrum tokens for drum notes
 * @param defaultNoteDurationBeats duration given to notes of programs without Duration tokens
 * @param programs programs kept; tracks of other programs are dropped
 * @param beatResRest resolution of Rest tokens per beat range
 * @param numTempos number of tempo bins
 * @param tempoMinBpm lowest tempo bin, quarter notes per minute
 * @param tempoMaxBpm highest tempo bin
 * @param logTempos bins spaced geometrically rather than linearly
 * @param deleteEqualSuccessiveTempoChanges drop a tempo change equal to the one before
 * @param timeSignatureRange meters kept, per denominator
 * @param deleteEqualSuccessiveTimeSigChanges MidiTok's flag of that name (affects only the meter at tick 0)
 * @param removeDuplicatedNotes drop notes with the same onset and pitch as the one before
 * @param drumsPitchLow lowest PitchDrum token (inclusive)
 * @param drumsPitchHigh highest PitchDrum token (inclusive)
 * @param otherMidiTokSettings other MidiTok config keys, as JSON text, kept for saving
 */
public record RemiConfig(int pitchLow, int pitchHigh, List<BeatRange> beatRes, int numVelocities,
                         List<String> specialTokens, boolean useVelocities, List<Integer> useNoteDurationPrograms,
                         boolean useRests, boolean useTempos, boolean useTimeSignatures, boolean usePrograms,
                         boolean usePitchdrumTokens, double defaultNoteDurationBeats, List<Integer> programs,
                         List<BeatRange> beatResRest, int numTempos, double tempoMinBpm, double tempoMaxBpm,
                         boolean logTempos, boolean deleteEqualSuccessiveTempoChanges,
                         List<TimeSignatureSet> timeSignatureRange, boolean deleteEqualSuccessiveTimeSigChanges,
                         boolean removeDuplicatedNotes, int drumsPitchLow, int drumsPitchHigh,
                         Map<String, String> otherMidiTokSettings) {

    /** MidiTok config keys this record does not model but knows (kept verbatim). */
    static final Set<String> PRESERVED_KEYS = Set.of("encode_ids_split", "use_chords", "use_sustain_pedals",
            "use_pitch_bends", "use_pitch_intervals", "program_changes", "chord_maps", "chord_tokens_with_root_note",
            "chord_unknown", "sustain_pedal_duration", "pitch_bend_range", "max_pitch_interval",
            "pitch_intervals_max_time_dist", "ac_polyphony_track", "ac_polyphony_bar", "ac_polyphony_min",
            "ac_polyphony_max", "ac_pitch_class_bar", "ac_note_density_track", "ac_note_density_track_min",
            "ac_note_density_track_max", "ac_note_density_bar", "ac_note_density_bar_max", "ac_note_duration_bar",
            "ac_note_duration_track", "ac_repetition_track", "ac_repetition_track_num_bins",
            "ac_repetition_track_num_consec_bars", "additional_params", "one_token_stream_for_programs");

    /** Preserved keys that switch on a feature not implemented here, with the value that means "off". */
    private static final Map<String, String> UNSUPPORTED_UNLESS = Map.ofEntries(
            Map.entry("use_sustain_pedals", "false"),
            Map.entry("use_pitch_bends", "false"), Map.entry("use_pitch_intervals", "false"),
            Map.entry("program_changes", "false"), Map.entry("one_token_stream_for_programs", "true"),
            Map.entry("ac_polyphony_track", "false"), Map.entry("ac_polyphony_bar", "false"),
            Map.entry("ac_pitch_class_bar", "false"), Map.entry("ac_note_density_track", "false"),
            Map.entry("ac_note_density_bar", "false"), Map.entry("ac_note_duration_bar", "false"),
            Map.entry("ac_note_duration_track", "false"), Map.entry("ac_repetition_track", "false"));

    public RemiConfig {
        checkPitchRange("pitch_range", pitchLow, pitchHigh);
        checkPitchRange("drums_pitch_range", drumsPitchLow, drumsPitchHigh);
        beatRes = List.copyOf(beatRes);
        beatResRest = List.copyOf(beatResRest);
        if (beatRes.isEmpty()) {
            throw new IllegalArgumentException("beat_res must not be empty");
        }
        if (useRests && beatResRest.isEmpty()) {
            throw new IllegalArgumentException("beat_res_rest must not be empty when rests are used");
        }
        if (numVelocities < 1 || numVelocities > 127) {
            throw new IllegalArgumentException("num_velocities must be in 1..127, got " + numVelocities);
        }
        specialTokens = List.copyOf(specialTokens);
        for (String s : specialTokens) {
            if (s.split("_", -1).length != 2) {
                throw new IllegalArgumentException("special token must look like TYPE_None, got '" + s + "'");
            }
        }
        if (new HashSet<>(specialTokens).size() != specialTokens.size()) {
            throw new IllegalArgumentException("special tokens must be distinct, got " + specialTokens);
        }
        useNoteDurationPrograms = List.copyOf(useNoteDurationPrograms);
        programs = List.copyOf(programs);
        checkPrograms("programs", programs);
        checkPrograms("use_note_duration_programs", useNoteDurationPrograms);
        if (!usePrograms) {
            throw new IllegalArgumentException("use_programs=false (one token sequence per track) is not supported yet;"
                    + " use use_programs=true with one_token_stream_for_programs=true");
        }
        if (!(defaultNoteDurationBeats > 0) || Double.isInfinite(defaultNoteDurationBeats)) {
            throw new IllegalArgumentException("default_note_duration must be > 0, got " + defaultNoteDurationBeats);
        }
        if (useTempos) {
            if (numTempos < 1 || numTempos > 1 << 16) { // a bound keeps the vocabulary buildable (issue 14)
                throw new IllegalArgumentException("num_tempos must be in 1..65536, got " + numTempos);
            }
            if (!(tempoMinBpm > 0) || !(tempoMaxBpm >= tempoMinBpm) || Double.isInfinite(tempoMaxBpm)) {
                throw new IllegalArgumentException("tempo_range must satisfy 0 < min <= max, got [" + tempoMinBpm
                        + ", " + tempoMaxBpm + "]");
            }
        }
        timeSignatureRange = List.copyOf(timeSignatureRange);
        if (useTimeSignatures && timeSignatureRange.isEmpty()) {
            throw new IllegalArgumentException("time_signature_range must not be empty when time signatures are used");
        }
        Set<Integer> denominators = new HashSet<>();
        for (TimeSignatureSet t : timeSignatureRange) {
            if (!denominators.add(t.denominator())) {
                throw new IllegalArgumentException("time_signature_range lists denominator " + t.denominator() + " twice");
            }
        }
        otherMidiTokSettings = Collections.unmodifiableMap(new LinkedHashMap<>(otherMidiTokSettings));
        for (Map.Entry<String, String> e : otherMidiTokSettings.entrySet()) {
            if (!PRESERVED_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown MidiTok config key '" + e.getKey() + "'");
            }
            String off = UNSUPPORTED_UNLESS.get(e.getKey());
            if (off != null && !off.equals(e.getValue().trim())) {
                throw new IllegalArgumentException("'" + e.getKey() + "': " + e.getValue()
                        + " is not supported by this REMI implementation yet (only " + off + ")");
            }
        }
        String additional = otherMidiTokSettings.get("additional_params");
        if (additional != null) {
            RemiConfigJson.checkAdditionalParams(additional);
        }
    }

    private static void checkPitchRange(String name, int low, int high) {
        if (low < 0 || high > 127 || low > high) {
            throw new IllegalArgumentException(name + " must satisfy 0 <= low <= high <= 127, got [" + low + ", " + high + "]");
        }
    }

    private static void checkPrograms(String name, List<Integer> list) {
        Set<Integer> seen = new HashSet<>();
        for (int p : list) {
            if (p < -1 || p > 127) {
                throw new IllegalArgumentException(name + " entries must be in -1..127, got " + p);
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException(name + " lists program " + p + " twice");
            }
        }
    }

    /** Programs 0..127 then -1 (drums), MidiTok's order. */
    static List<Integer> allPrograms() {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i <= 127; i++) {
            p.add(i);
        }
        p.add(-1);
        return p;
    }

    /**
     * MidiTok's REMI+ setup (the configuration of the POP909 reference): MidiTok's default bins
     * (pitches 21-108, beat_res {0_4: 8, 4_12: 4}, 32 velocities, 32 linear tempos 40-250 bpm,
     * MidiTok's default meters) with programs in one stream, tempos, time signatures and PitchDrum
     * tokens on; rests off.
     */
    public static RemiConfig defaults() {
        List<TimeSignatureSet> ts = List.of(new TimeSignatureSet(8, List.of(3, 12, 6)),
                new TimeSignatureSet(4, List.of(5, 6, 3, 2, 1, 4)));
        return new RemiConfig(21, 109, List.of(new BeatRange(0, 4, 8), new BeatRange(4, 12, 4)), 32,
                List.of("PAD_None", "BOS_None", "EOS_None", "MASK_None"), true, allPrograms(), false, true, true, true,
                true, 0.5, allPrograms(), List.of(new BeatRange(0, 1, 8), new BeatRange(1, 2, 4), new BeatRange(2, 12, 2)),
                32, 40, 250, false, false, ts, false, false, 27, 88, Map.of());
    }

    /** Positions per beat: the largest beat resolution. */
    public int positionsPerBeat() {
        int max = 0;
        for (BeatRange b : beatRes) {
            max = Math.max(max, b.positionsPerBeat());
        }
        return max;
    }

    public RemiConfig withPitchRange(int low, int high) {
        return new RemiConfig(low, high, beatRes, numVelocities, specialTokens, useVelocities, useNoteDurationPrograms,
                useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens, defaultNoteDurationBeats,
                programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos, deleteEqualSuccessiveTempoChanges,
                timeSignatureRange, deleteEqualSuccessiveTimeSigChanges, removeDuplicatedNotes, drumsPitchLow,
                drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withBeatRes(List<BeatRange> newBeatRes) {
        return new RemiConfig(pitchLow, pitchHigh, newBeatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withNumVelocities(int n) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, n, specialTokens, useVelocities, useNoteDurationPrograms,
                useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens, defaultNoteDurationBeats,
                programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos, deleteEqualSuccessiveTempoChanges,
                timeSignatureRange, deleteEqualSuccessiveTimeSigChanges, removeDuplicatedNotes, drumsPitchLow,
                drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withUseRests(boolean on) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, on, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withUseTempos(boolean on) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, on, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withUseTimeSignatures(boolean on) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, useTempos, on, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withUseVelocities(boolean on) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, on,
                useNoteDurationPrograms, useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withPrograms(List<Integer> newPrograms) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, newPrograms, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withTimeSignatureRange(List<TimeSignatureSet> range) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, range, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    public RemiConfig withTempoBins(int count, double minBpm, double maxBpm, boolean logarithmic) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, count, minBpm, maxBpm, logarithmic,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, otherMidiTokSettings);
    }

    /**
     * A copy with MidiTok's chord settings: chords on or off, Chord tokens with the root note
     * ({@code Chord_C:maj}) or without ({@code Chord_maj}), and unknown chords of
     * {@code unknownLow <= notes < unknownHigh} notes ({@code unknownLow = -1}: none). The chord maps
     * are kept (MidiTok's defaults when absent).
     */
    public RemiConfig withChords(boolean on, boolean withRootNote, int unknownLow, int unknownHigh) {
        Map<String, String> other = new LinkedHashMap<>(otherMidiTokSettings);
        other.put("use_chords", Boolean.toString(on));
        other.put("chord_tokens_with_root_note", Boolean.toString(withRootNote));
        other.put("chord_unknown", unknownLow < 0 ? "null" : "[" + unknownLow + "," + unknownHigh + "]");
        return withOther(other);
    }

    /** Equality helper for tests: the same config ignoring preserved settings. */
    boolean sameModelledFields(RemiConfig o) {
        return Objects.equals(withOther(Map.of()), o.withOther(Map.of()));
    }

    RemiConfig withOther(Map<String, String> other) {
        return new RemiConfig(pitchLow, pitchHigh, beatRes, numVelocities, specialTokens, useVelocities,
                useNoteDurationPrograms, useRests, useTempos, useTimeSignatures, usePrograms, usePitchdrumTokens,
                defaultNoteDurationBeats, programs, beatResRest, numTempos, tempoMinBpm, tempoMaxBpm, logTempos,
                deleteEqualSuccessiveTempoChanges, timeSignatureRange, deleteEqualSuccessiveTimeSigChanges,
                removeDuplicatedNotes, drumsPitchLow, drumsPitchHigh, other);
    }
}
