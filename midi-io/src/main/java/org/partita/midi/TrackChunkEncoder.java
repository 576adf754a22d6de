package org.partita.midi;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes an ordered event list as one MTrk chunk: delta times as variable-length quantities,
 * running status for consecutive channel messages with the same status byte (meta events cancel
 * it, as the SMF specification requires), and an End of Track meta event at the last event's tick.
 * Stateless and thread-safe.
 */
final class TrackChunkEncoder {

    private static final byte[] MTRK = {'M', 'T', 'r', 'k'};

    private TrackChunkEncoder() {
    }

    /**
     * The complete chunk (id, 32-bit length, events, End of Track).
     *
     * @param events events in non-decreasing tick order
     * @param label  names the track in error messages, for example {@code "track 3 'Piano'"}
     * @throws IllegalArgumentException if events go back in time, or a delta time or meta payload
     *                                  exceeds {@link Vlq#MAX}; the message names the value
     */
    static byte[] encode(List<SmfEvent> events, String label) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 + 4 * events.size());
        long previousTick = 0;
        int runningStatus = -1;
        for (SmfEvent e : events) {
            long delta = e.tick() - previousTick;
            if (delta < 0) {
                throw new IllegalArgumentException("events out of order in " + label + ": tick " + e.tick()
                        + " after tick " + previousTick);
            }
            if (delta > Vlq.MAX) {
                throw new IllegalArgumentException("delta time " + delta + " ticks (tick " + previousTick
                        + " to " + e.tick() + ") in " + label
                        + " exceeds the SMF maximum of 268435455 (0x0FFFFFFF)");
            }
            Vlq.write(body, delta);
            previousTick = e.tick();
            if (e instanceof SmfEvent.Channel c) {
                if (c.status() != runningStatus) {
                    body.write(c.status());
                    runningStatus = c.status();
                }
                body.write(c.data1() & 0x7F);
                if (c.dataLength() == 2) {
                    body.write(c.data2() & 0x7F);
                }
            } else if (e instanceof SmfEvent.Meta m) {
                writeMeta(body, m, label);
                runningStatus = -1;
            }
        }
        Vlq.write(body, 0);
        writeMeta(body, new SmfEvent.Meta(previousTick, SmfEvent.Meta.END_OF_TRACK, new byte[0]), label);

        byte[] data = body.toByteArray();
        byte[] chunk = new byte[8 + data.length];
        System.arraycopy(MTRK, 0, chunk, 0, 4);
        chunk[4] = (byte) (data.length >>> 24);
        chunk[5] = (byte) (data.length >>> 16);
        chunk[6] = (byte) (data.length >>> 8);
        chunk[7] = (byte) data.length;
        System.arraycopy(data, 0, chunk, 8, data.length);
        return chunk;
    }

    private static void writeMeta(ByteArrayOutputStream out, SmfEvent.Meta m, String label) {
        if (m.payloadLength() > Vlq.MAX) {
            throw new IllegalArgumentException("meta event 0x" + Integer.toHexString(m.type()) + " in " + label
                    + " has " + m.payloadLength() + " bytes, more than the SMF maximum of 268435455");
        }
        out.write(0xFF);
        out.write(m.type());
        Vlq.write(out, m.payloadLength());
        out.writeBytes(m.payload());
    }
}
