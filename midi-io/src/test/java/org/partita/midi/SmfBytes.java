package org.partita.midi;

import java.io.ByteArrayOutputStream;

/**
 * Builds small Standard MIDI Files byte by byte for reader tests, so each test shows the exact
 * bytes of the rule it checks. Test-only (public for other modules' tests through the test-jar).
 */
public final class SmfBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static SmfBytes header(int format, int tracks, int division) {
        SmfBytes s = new SmfBytes();
        s.ascii("MThd").u32(6).u16(format).u16(tracks).u16(division);
        return s;
    }

    /** An MTrk chunk with the right length around {@code body}. */
    public SmfBytes track(byte[] body) {
        ascii("MTrk").u32(body.length);
        out.writeBytes(body);
        return this;
    }

    /** An MTrk chunk with a declared length that may be wrong. */
    public SmfBytes track(byte[] body, long declaredLength) {
        ascii("MTrk").u32(declaredLength);
        out.writeBytes(body);
        return this;
    }

    public SmfBytes raw(int... bytes) {
        for (int v : bytes) {
            out.write(v);
        }
        return this;
    }

    public SmfBytes ascii(String s) {
        for (char c : s.toCharArray()) {
            out.write(c);
        }
        return this;
    }

    public SmfBytes u32(long v) {
        return raw((int) (v >>> 24) & 0xFF, (int) (v >>> 16) & 0xFF, (int) (v >>> 8) & 0xFF, (int) v & 0xFF);
    }

    public SmfBytes u16(int v) {
        return raw((v >>> 8) & 0xFF, v & 0xFF);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** Event bytes of a track body: write delta times with {@link #vlq} and events with {@link #raw}. */
    public static Body body() {
        return new Body();
    }

    public static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Body vlq(long value) {
            int[] groups = new int[5];
            int n = 0;
            do {
                groups[n++] = (int) (value & 0x7F);
                value >>>= 7;
            } while (value != 0);
            for (int i = n - 1; i >= 0; i--) {
                out.write(groups[i] | (i > 0 ? 0x80 : 0));
            }
            return this;
        }

        public Body raw(int... bytes) {
            for (int v : bytes) {
                out.write(v);
            }
            return this;
        }

        /** Delta time then event bytes. */
        public Body ev(long delta, int... bytes) {
            return vlq(delta).raw(bytes);
        }

        /** Delta time then a meta event. */
        public Body meta(long delta, int type, int... data) {
            vlq(delta).raw(0xFF, type);
            vlq(data.length);
            return raw(data);
        }

        public Body text(long delta, int type, String text) {
            byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            vlq(delta).raw(0xFF, type);
            vlq(t.length);
            out.writeBytes(t);
            return this;
        }

        public Body endOfTrack(long delta) {
            return meta(delta, 0x2F);
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }
}
