package org.partita.symbolic.roll;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * A multitrack piano roll: for each track, planes of {@code steps × 128} cells (time step × MIDI
 * pitch), on a grid of {@link PianoRollConfig#stepsPerQuarter()} steps per quarter note.
 * Immutable and thread-safe.
 *
 * <p><b>Storage.</b> A roll built by {@link #from} stores only its quantised notes (start step, end
 * step, pitch, value per note, in primitive arrays); a dense plane is painted from them the first time
 * it is asked for ({@link #planeBuffer}, {@link #planeCopy}, {@link #value}, {@link #toScore},
 * {@link #equals}, ...) and kept for later calls; concurrent first calls paint it once. Building a
 * roll therefore costs about as much as reading its notes, and a plane costs its
 * {@code tracks × steps × 128} bytes only when used; {@link #copyPlaneTo} paints one into a buffer
 * the caller reuses, allocating nothing. What a roll holds does not depend on how it is stored: rolls with equal planes (and tracks, steps, tempos, meters, config) are equal.
 *
 * <p><b>Layout.</b> Each plane ({@link RollPlane}) is one byte array in C order with shape
 * {@code (tracks, steps, 128)}: cell {@code (t, s, p)} is at {@code (t × steps + s) × 128 + p}. A cell
 * holds 0 (no note) or, per {@link RollValues}, 1 or the note's velocity (1..127).
 *
 * <p><b>Quantisation rule.</b> A tick {@code x} of a score with {@code tpq} ticks per quarter maps to
 * step {@code roundHalfUp(x × stepsPerQuarter / tpq)} ({@link #stepOfTick}, exact integer arithmetic).
 * A note covers steps {@code [start, end)} with {@code start = step(startTick)} and
 * {@code end = max(step(endTick), start + 1)}: every note sounds at least one step, zero-length notes
 * included. The roll has {@code max(end)} steps (0 for a score without notes).
 * Notes of one track and pitch that land on the same cells merge: a cell keeps the largest value, two
 * notes with the same start step become one, and a note starting under a longer one cuts it (the
 * onset wins). Tempo and meter events move to {@code step(tick)}; of several at one step the last
 * is kept. Controls, pitch bends, key signatures and texts are not kept.
 *
 * <p><b>Back to a score.</b> {@link #toScore()} gives a score at {@code ticksPerQuarter = stepsPerQuarter}
 * (one tick per step) with the rule of {@link RollDecoder}: a note starts at each onset, lasts while the
 * frame stays on and no new onset comes. So for a score already on the grid (every tick a multiple of
 * {@code tpq / stepsPerQuarter}, durations of at least one step, no two notes of one track and pitch
 * overlapping or starting together), {@code from(score).toScore()} has exactly its notes, tempos and
 * meters (at the roll's resolution), and for every score {@code from(from(s).toScore()).toScore()}
 * equals {@code from(s).toScore()}. Binary rolls decode with {@link #DEFAULT_VELOCITY}.
 *
 * <p><b>Downbeats and beats</b> come from the meter map (see {@link #downbeatSteps()}).
 */
public final class PianoRoll {

    /** Pitches per step: MIDI 0..127. */
    public static final int PITCHES = 128;
    /** Velocity given to notes decoded from a {@link RollValues#BINARY} roll. */
    public static final int DEFAULT_VELOCITY = 64;
    /** The most cells one plane may hold (the largest Java array). */
    public static final long MAX_CELLS_PER_PLANE = Integer.MAX_VALUE - 8;

    private final PianoRollConfig config;
    private final List<RollTrack> tracks;
    private final int stepCount;
    /** The canonical store of rolls built from notes; null for rolls made from planes (trimmed). */
    private final RollNotes notes;
    /** Dense planes by RollPlane.ordinal(); painted from {@link #notes} on first use when null. */
    private final AtomicReferenceArray<byte[]> planes;
    private final List<TempoChange> tempos;
    private final List<TimeSignature> timeSignatures;
    private final byte[] beatMarks;

    /** Takes ownership of the arrays (callers in this package never touch them again). */
    PianoRoll(PianoRollConfig config, List<RollTrack> tracks, int stepCount, byte[] onset, byte[] frame,
              byte[] offset, List<TempoChange> tempos, List<TimeSignature> timeSignatures) {
        this.config = Objects.requireNonNull(config, "config");
        this.tracks = List.copyOf(tracks);
        this.stepCount = stepCount;
        this.notes = null;
        this.planes = new AtomicReferenceArray<>(new byte[][] {onset, frame, offset});
        long cells = (long) this.tracks.size() * stepCount * PITCHES;
        for (RollPlane plane : RollPlane.values()) {
            byte[] a = planes.get(plane.ordinal());
            if (config.has(plane) != (a != null) || (a != null && a.length != cells)) {
                throw new IllegalArgumentException("plane " + plane + " must be " + (config.has(plane) ? cells + " cells" : "absent")
                        + ", got " + (a == null ? "none" : a.length + " cells"));
            }
        }
        this.tempos = List.copyOf(tempos);
        this.timeSignatures = List.copyOf(timeSignatures);
        this.beatMarks = MeterGrid.marks(this.timeSignatures, stepCount, config.stepsPerQuarter());
    }

    /**
     * A roll stored as quantised notes (taken over, never changed); {@code stepCount} must have passed
     * {@link #checkedStepCount} and cover every note.
     */
    PianoRoll(PianoRollConfig config, List<RollTrack> tracks, int stepCount, RollNotes notes,
              List<TempoChange> tempos, List<TimeSignature> timeSignatures) {
        this.config = Objects.requireNonNull(config, "config");
        this.tracks = List.copyOf(tracks);
        this.stepCount = stepCount;
        this.notes = Objects.requireNonNull(notes, "notes");
        if (notes.trackCount() != this.tracks.size()) {
            throw new IllegalArgumentException("notes of " + notes.trackCount() + " tracks for a roll of "
                    + this.tracks.size() + " tracks");
        }
        this.planes = new AtomicReferenceArray<>(3);
        this.tempos = List.copyOf(tempos);
        this.timeSignatures = List.copyOf(timeSignatures);
        this.beatMarks = MeterGrid.marks(this.timeSignatures, stepCount, config.stepsPerQuarter());
    }

    /** The roll of {@code score} with {@link PianoRollConfig#defaults()} (24 steps per quarter, velocities, all planes). */
    public static PianoRoll from(Score score) {
        return from(score, PianoRollConfig.defaults());
    }

    /**
     * The roll of {@code score}; see the class comment for the quantisation rule.
     *
     * @throws IllegalArgumentException if a plane would exceed {@link #MAX_CELLS_PER_PLANE} cells
     */
    public static PianoRoll from(Score score, PianoRollConfig config) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(config, "config");
        return RollEncoder.encode(score, config);
    }

    /**
     * The step of a tick: {@code roundHalfUp(tick × stepsPerQuarter / ticksPerQuarter)}, exact.
     *
     * @throws IllegalArgumentException for a negative tick, a non-positive resolution, or overflow
     */
    public static long stepOfTick(long tick, int ticksPerQuarter, int stepsPerQuarter) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (ticksPerQuarter < 1 || stepsPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter and stepsPerQuarter must be >= 1, got "
                    + ticksPerQuarter + " and " + stepsPerQuarter);
        }
        try {
            long twice = Math.addExact(Math.multiplyExact(tick, 2L * stepsPerQuarter), ticksPerQuarter);
            return Math.floorDiv(twice, 2L * ticksPerQuarter);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tick " + tick + " is too large to convert to steps at "
                    + stepsPerQuarter + " steps per quarter", e);
        }
    }

    /** {@code stepCount} as an int, refusing rolls whose planes would not fit one array. */
    static int checkedStepCount(int trackCount, long stepCount) {
        long cells = trackCount == 0 ? 0 : stepCount * trackCount * PITCHES;
        if (stepCount > Integer.MAX_VALUE || cells > MAX_CELLS_PER_PLANE || cells < 0) {
            throw new IllegalArgumentException("a piano roll of " + trackCount + " tracks × " + stepCount
                    + " steps × 128 pitches is above the limit of " + MAX_CELLS_PER_PLANE
                    + " cells per plane; use fewer steps per quarter or clip the score");
        }
        return (int) stepCount;
    }

    public PianoRollConfig config() {
        return config;
    }

    /** Steps per quarter note (the time resolution). */
    public int stepsPerQuarter() {
        return config.stepsPerQuarter();
    }

    /** Track names, programs and drum flags, in the score's order (tracks without notes included). */
    public List<RollTrack> tracks() {
        return tracks;
    }

    public int trackCount() {
        return tracks.size();
    }

    /** Number of time steps. */
    public int stepCount() {
        return stepCount;
    }

    /** Tempo changes with {@code tick} = step, in step order, one per step at most. */
    public List<TempoChange> tempos() {
        return tempos;
    }

    /** Meter changes with {@code tick} = step, in step order, one per step at most. */
    public List<TimeSignature> timeSignatures() {
        return timeSignatures;
    }

    /** True when the plane is kept ({@link RollPlane#FRAME} always is). */
    public boolean has(RollPlane plane) {
        return config.has(plane);
    }

    /** The value of one cell: 0, 1, or a velocity. The first call paints the plane (see the class comment). */
    public int value(RollPlane plane, int track, int step, int pitch) {
        Objects.checkIndex(track, tracks.size());
        Objects.checkIndex(step, stepCount);
        Objects.checkIndex(pitch, PITCHES);
        return plane(plane)[(track * stepCount + step) * PITCHES + pitch];
    }

    /**
     * A read-only view of a whole plane, shape {@code (tracks, steps, 128)} in C order (no copy once
     * the plane is painted).
     *
     * @throws IllegalStateException if the plane was not kept
     */
    public ByteBuffer planeBuffer(RollPlane plane) {
        return ByteBuffer.wrap(plane(plane)).asReadOnlyBuffer();
    }

    /** A copy of a whole plane, shape {@code (tracks, steps, 128)} in C order. */
    public byte[] planeCopy(RollPlane plane) {
        return plane(plane).clone();
    }

    /**
     * Writes a whole plane, shape {@code (tracks, steps, 128)} in C order, over
     * {@code destination[offset, offset + tracks × steps × 128)}: the bytes of {@link #planeCopy}, without
     * allocating, for loaders that reuse one buffer (per thread) across rolls, as numpy's {@code out=}.
     * A plane not painted yet is painted straight into {@code destination} and not kept by the roll.
     *
     * @throws IllegalStateException if the plane was not kept
     * @throws IndexOutOfBoundsException if the plane does not fit {@code destination} at {@code offset}
     */
    public void copyPlaneTo(RollPlane plane, byte[] destination, int offset) {
        if (!config.has(plane)) {
            plane(plane); // throws, naming the planes kept
        }
        int size = tracks.size() * stepCount * PITCHES;
        Objects.checkFromIndexSize(offset, size, destination.length);
        byte[] painted = planes.get(plane.ordinal());
        if (painted != null) {
            System.arraycopy(painted, 0, destination, offset, size);
        } else {
            Arrays.fill(destination, offset, offset + size, (byte) 0);
            notes.paintInto(plane, stepCount, destination, offset);
        }
    }

    /** The dense plane, painted from the notes on first use; the array is never changed or handed out. */
    private byte[] plane(RollPlane plane) {
        byte[] a = planes.get(plane.ordinal());
        if (a != null) {
            return a;
        }
        if (!config.has(plane)) {
            throw new IllegalStateException("plane " + plane + " was not kept; planes of this roll: " + config.planes());
        }
        synchronized (planes) { // paint each plane once, even when threads ask together
            a = planes.get(plane.ordinal());
            if (a == null) {
                a = notes.paint(plane, stepCount);
                planes.set(plane.ordinal(), a);
            }
            return a;
        }
    }

    /** The onset plane, or null when not kept. */
    private byte[] onsetOrNull() {
        return config.has(RollPlane.ONSET) ? plane(RollPlane.ONSET) : null;
    }

    /** All three planes by ordinal (null where not kept), painted; for the edits that work on planes. */
    private byte[][] densePlanes() {
        byte[][] out = new byte[3][];
        for (RollPlane p : config.planes()) {
            out[p.ordinal()] = plane(p);
        }
        return out;
    }

    /** Steps where a bar starts (from the meter map, see {@link MeterGrid}), ascending. */
    public int[] downbeatSteps() {
        return MeterGrid.stepsMarked(beatMarks, MeterGrid.DOWNBEAT);
    }

    /** Steps where a beat (one denominator note) starts, downbeats included, ascending. */
    public int[] beatSteps() {
        return MeterGrid.stepsMarked(beatMarks, MeterGrid.BEAT);
    }

    /** True when a bar starts at {@code step}. */
    public boolean isDownbeat(int step) {
        Objects.checkIndex(step, stepCount);
        return beatMarks[step] == MeterGrid.DOWNBEAT;
    }

    /** The lowest and highest pitch sounding in any track, or empty for a roll without notes. */
    public Optional<PitchRange> pitchRange() {
        if (notes != null) { // every note sounds at least one step, so its pitch is on in the frame plane
            return Optional.ofNullable(notes.pitchRange());
        }
        byte[] frame = plane(RollPlane.FRAME);
        boolean[] used = new boolean[PITCHES];
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] != 0) {
                used[i & (PITCHES - 1)] = true;
            }
        }
        int lowest = -1;
        int highest = -1;
        for (int p = 0; p < PITCHES; p++) {
            if (used[p]) {
                highest = p;
                if (lowest < 0) {
                    lowest = p;
                }
            }
        }
        return lowest < 0 ? Optional.empty() : Optional.of(new PitchRange(lowest, highest));
    }

    /** Number of notes {@link #toScore()} gives. */
    public int noteCount() {
        int n = 0;
        for (int t = 0; t < tracks.size(); t++) {
            n += RollDecoder.notes(this, onsetOrNull(), plane(RollPlane.FRAME), t).size();
        }
        return n;
    }

    /**
     * The notes as a score at {@code ticksPerQuarter = stepsPerQuarter} (one tick per step), with the
     * roll's tracks, tempos and meters; see the class comment for the decoding rule.
     */
    public Score toScore() {
        List<Track> out = new ArrayList<>(tracks.size());
        for (int t = 0; t < tracks.size(); t++) {
            RollTrack rt = tracks.get(t);
            out.add(Track.of(rt.name(), rt.program(), rt.isDrum(),
                    RollDecoder.notes(this, onsetOrNull(), plane(RollPlane.FRAME), t)));
        }
        return new Score(config.stepsPerQuarter(), out, tempos, timeSignatures, List.of(), List.of());
    }

    /**
     * A copy with {@code stepsBefore} silent steps before and {@code stepsAfter} after. Tempo and meter
     * events move with the music; the tempo and meter in force at step 0 also cover the padding, and
     * the music's first bar still starts where it did (pad by whole bars to keep bars even).
     */
    public PianoRoll padded(int stepsBefore, int stepsAfter) {
        if (stepsBefore < 0 || stepsAfter < 0) {
            throw new IllegalArgumentException("padding must be >= 0 steps, got stepsBefore=" + stepsBefore
                    + ", stepsAfter=" + stepsAfter);
        }
        return RollEdits.padded(this, notes, notes == null ? densePlanes() : null, stepsBefore, stepsAfter);
    }

    /**
     * The steps {@code [fromStep, toStep)}. A note cut at {@code fromStep} gets an onset there and one
     * cut at {@code toStep} an offset at {@code toStep - 1}, so the planes are those of the cut notes.
     * The tempo and meter in force at {@code fromStep} move to step 0; as a meter event always starts a
     * bar, a cut inside a bar makes step 0 a downbeat (cut at a {@link #downbeatSteps() downbeat} to
     * keep bars aligned).
     */
    public PianoRoll trimmed(int fromStep, int toStep) {
        if (fromStep < 0 || toStep < fromStep || toStep > stepCount) {
            throw new IllegalArgumentException("trim range must satisfy 0 <= fromStep <= toStep <= " + stepCount
                    + ", got [" + fromStep + ", " + toStep + ")");
        }
        return RollEdits.trimmed(this, densePlanes(), fromStep, toStep);
    }

    /**
     * All pitched tracks moved by {@code semitones}; drum tracks are unchanged (their pitches name
     * instruments).
     *
     * @throws IllegalArgumentException if a note would leave 0..127 (naming the track and pitch)
     */
    public PianoRoll transposed(int semitones) {
        return RollEdits.transposed(this, notes, notes == null ? densePlanes() : null, semitones);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PianoRoll r)) {
            return false;
        }
        if (stepCount != r.stepCount || !config.equals(r.config) || !tracks.equals(r.tracks)
                || !tempos.equals(r.tempos) || !timeSignatures.equals(r.timeSignatures)) {
            return false;
        }
        // Decided on the planes, whatever the storage: different notes can paint the same cells.
        for (RollPlane p : config.planes()) {
            if (!Arrays.equals(plane(p), r.plane(p))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, tracks, stepCount, tempos, timeSignatures);
    }

    @Override
    public String toString() {
        return "PianoRoll[" + tracks.size() + " tracks × " + stepCount + " steps × 128, "
                + config.stepsPerQuarter() + " steps/quarter, " + config.values() + ", planes " + config.planes() + "]";
    }

    /** An inclusive range of MIDI pitches. */
    public record PitchRange(int lowest, int highest) {
        public PitchRange {
            if (lowest < 0 || highest > 127 || lowest > highest) {
                throw new IllegalArgumentException("pitch range must satisfy 0 <= lowest <= highest <= 127, got "
                        + lowest + ".." + highest);
            }
        }
    }
}
