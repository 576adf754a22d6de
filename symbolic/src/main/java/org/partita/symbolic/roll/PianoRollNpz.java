package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.npy.Npy;
import org.partita.symbolic.npy.Npz;

/**
 * A {@link PianoRoll} as {@code .npz} bytes for Python users. Pure; writing the bytes to a file is
 * the caller's business. Arrays (T tracks, S steps; all C order, little-endian):
 *
 * <pre>
 * format_version     int32  ()        1 (this layout)
 * steps_per_quarter  int32  ()        time resolution
 * velocity           uint8  ()        1 if cells hold velocities, 0 if they hold 1s
 * onset, frame, offset uint8 (T, S, 128)  the planes the roll kept (see RollPlane)
 * downbeat           uint8  (S,)      1 where a bar starts
 * beat               uint8  (S,)      1 where a beat starts (downbeats included)
 * program            int32  (T,)      General MIDI program 0..127
 * is_drum            uint8  (T,)      1 for drum tracks
 * track_name         &lt;U     (T,)      track names
 * tempo              int32  (N, 2)    [step, microseconds per quarter]
 * time_signature     int32  (M, 3)    [step, numerator, denominator]
 * </pre>
 */
public final class PianoRollNpz {

    /** Version of the layout above, stored as {@code format_version}. */
    public static final int FORMAT_VERSION = 1;

    private PianoRollNpz() {
    }

    /** The arrays above, name → {@code .npy} bytes, in the order listed. */
    public static Map<String, byte[]> arrays(PianoRoll roll) {
        int tracks = roll.trackCount();
        int steps = roll.stepCount();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("format_version", Npy.int32(new int[] {FORMAT_VERSION}));
        out.put("steps_per_quarter", Npy.int32(new int[] {roll.stepsPerQuarter()}));
        out.put("velocity", Npy.uint8(new byte[] {(byte) (roll.config().values() == RollValues.VELOCITY ? 1 : 0)}));
        for (RollPlane plane : RollPlane.values()) {
            if (roll.has(plane)) {
                out.put(plane.name().toLowerCase(Locale.ROOT),
                        Npy.uint8(roll.planeBuffer(plane), tracks, steps, PianoRoll.PITCHES));
            }
        }
        out.put("downbeat", Npy.uint8(flags(roll.downbeatSteps(), steps), steps));
        out.put("beat", Npy.uint8(flags(roll.beatSteps(), steps), steps));
        int[] programs = new int[tracks];
        byte[] drums = new byte[tracks];
        List<String> names = new ArrayList<>(tracks);
        for (int t = 0; t < tracks; t++) {
            RollTrack rt = roll.tracks().get(t);
            programs[t] = rt.program();
            drums[t] = (byte) (rt.isDrum() ? 1 : 0);
            names.add(rt.name());
        }
        out.put("program", Npy.int32(programs, tracks));
        out.put("is_drum", Npy.uint8(drums, tracks));
        out.put("track_name", Npy.unicode(names));
        List<TempoChange> tempos = roll.tempos();
        int[] tempo = new int[2 * tempos.size()];
        for (int i = 0; i < tempos.size(); i++) {
            tempo[2 * i] = Math.toIntExact(tempos.get(i).tick());
            tempo[2 * i + 1] = tempos.get(i).microsPerQuarter();
        }
        out.put("tempo", Npy.int32(tempo, tempos.size(), 2));
        List<TimeSignature> meters = roll.timeSignatures();
        int[] meter = new int[3 * meters.size()];
        for (int i = 0; i < meters.size(); i++) {
            meter[3 * i] = Math.toIntExact(meters.get(i).tick());
            meter[3 * i + 1] = meters.get(i).numerator();
            meter[3 * i + 2] = meters.get(i).denominator();
        }
        out.put("time_signature", Npy.int32(meter, meters.size(), 3));
        return out;
    }

    /** The {@code .npz} archive of {@link #arrays}, deflated (rolls are mostly zeros). */
    public static byte[] encode(PianoRoll roll) {
        return Npz.encode(arrays(roll), Npz.Compression.DEFLATED);
    }

    private static byte[] flags(int[] steps, int stepCount) {
        byte[] out = new byte[stepCount];
        for (int s : steps) {
            out[s] = 1;
        }
        return out;
    }
}
