package org.partita.midi;

import org.partita.symbolic.TextEvent;

/**
 * The event loop over one MTrk chunk body: delta times, running status, channel messages, meta and
 * sysex events. Channel messages go to the {@link TrackAssembler}; tempo, meter, key and text events
 * go to the {@link SmfParser}. Not thread-safe: one per chunk.
 */
final class TrackEvents {

    private static final int META = 0xFF;
    private static final int END_OF_TRACK = 0x2F;

    private final SmfParser parser;
    private final byte[] b;
    private final int end;
    private final RepairLog log;
    private final TrackAssembler assembler;

    private int p;
    private long tick;
    private long endTick;
    private String trackName;

    TrackEvents(SmfParser parser, byte[] bytes, int start, int end, RepairLog log, TrackAssembler assembler) {
        this.parser = parser;
        this.b = bytes;
        this.p = start;
        this.end = end;
        this.log = log;
        this.assembler = assembler;
    }

    String trackName() {
        return trackName;
    }

    /** Tick of End of Track, or of the last event when End of Track is missing. */
    long endTick() {
        return endTick;
    }

    /** Runs the loop; returns the offset just after End of Track, or the chunk end without one. */
    int run() throws MidiFormatException {
        int running = 0;
        boolean statusCancelled = false;
        while (p < end) {
            int eventStart = p;
            long delta = readVarLen();
            if (delta < 0) {
                return end;
            }
            tick += delta;
            endTick = tick;
            if (p >= end) {
                log.add(Repair.Kind.EVENT_TRUNCATED, eventStart, "delta time at the end of the chunk without an event; dropped");
                return end;
            }
            int status = b[p] & 0xFF;
            if (status >= 0x80) {
                p++;
                if (status < 0xF0) {
                    running = status;
                    statusCancelled = false;
                } else if (status == META) {
                    statusCancelled = true;
                    if (meta(eventStart)) {
                        return p;
                    }
                    continue;
                } else if (status == 0xF0 || status == 0xF7) {
                    statusCancelled = true;
                    long length = readVarLen();
                    if (length < 0 || !skip(length, eventStart, "sysex event", status)) {
                        return end;
                    }
                    continue;
                } else {
                    skipIllegalStatus(status, eventStart);
                    continue;
                }
            } else {
                if (running == 0) {
                    log.add(Repair.Kind.DATA_BYTE_WITHOUT_STATUS, p, String.format(
                            "data byte 0x%02X where a status byte was needed and no running status is in force; skipped",
                            status));
                    p++;
                    continue;
                }
                if (statusCancelled) {
                    log.add(Repair.Kind.RUNNING_STATUS_AFTER_META_OR_SYSEX, p, String.format(
                            "running status 0x%02X used after a meta or sysex event, which cancels it; reused", running));
                    statusCancelled = false;
                }
            }
            if (!channelMessage(running, eventStart)) {
                return end;
            }
        }
        log.add(Repair.Kind.MISSING_END_OF_TRACK, end, "MTrk chunk ends without End of Track; track ends at tick " + tick);
        return end;
    }

    /** Reads the data bytes of a channel message and dispatches it; false when the chunk ran out. */
    private boolean channelMessage(int status, int eventStart) throws MidiFormatException {
        int type = status & 0xF0;
        int channel = status & 0x0F;
        boolean twoBytes = type != 0xC0 && type != 0xD0;
        int d1;
        int d2 = 0;
        if (twoBytes && p + 1 < end && ((b[p] | b[p + 1]) & 0x80) == 0) {
            // Fast path for the common case: both data bytes present and valid.
            d1 = b[p];
            d2 = b[p + 1];
            p += 2;
        } else {
            d1 = dataByte(eventStart);
            if (d1 < 0) {
                return false;
            }
            if (twoBytes) {
                d2 = dataByte(eventStart);
                if (d2 < 0) {
                    return false;
                }
            }
        }
        switch (type) {
            case 0x90 -> {
                if (d2 == 0) {
                    assembler.noteOff(tick, channel, d1, eventStart);
                } else {
                    assembler.noteOn(tick, channel, d1, d2);
                }
            }
            case 0x80 -> assembler.noteOff(tick, channel, d1, eventStart);
            case 0xB0 -> assembler.controlChange(tick, channel, d1, d2);
            case 0xC0 -> assembler.programChange(channel, d1);
            case 0xE0 -> assembler.pitchBend(tick, channel, ((d2 << 7) | d1) - 8192);
            default -> {
                // 0xA0 polyphonic and 0xD0 channel aftertouch are not kept.
            }
        }
        return true;
    }

    /** One data byte, masked to 7 bits with a repair if its top bit is set; -1 when the chunk ran out. */
    private int dataByte(int eventStart) throws MidiFormatException {
        if (p >= end) {
            log.add(Repair.Kind.EVENT_TRUNCATED, eventStart, "channel message cut off by the end of the chunk; dropped");
            return -1;
        }
        int v = b[p] & 0xFF;
        if (v > 0x7F) {
            log.add(Repair.Kind.DATA_BYTE_ABOVE_127, p, String.format("data byte 0x%02X above 127; read as %d", v, v & 0x7F));
            v &= 0x7F;
        }
        p++;
        return v;
    }

    /**
     * Status bytes 0xF1..0xFE (but 0xF7) are real-time or system-common messages that have no place in
     * a file; skip the data bytes the message type would carry.
     */
    private void skipIllegalStatus(int status, int eventStart) throws MidiFormatException {
        int dataBytes = switch (status) {
            case 0xF1, 0xF3 -> 1;
            case 0xF2 -> 2;
            default -> 0;
        };
        int skipped = 0;
        while (skipped < dataBytes && p < end && (b[p] & 0x80) == 0) {
            p++;
            skipped++;
        }
        log.add(Repair.Kind.ILLEGAL_STATUS_BYTE, eventStart + 0L, String.format(
                "status byte 0x%02X is not allowed in a MIDI file; skipped with %d data bytes", status, skipped));
    }

    /** Handles a meta event after its 0xFF; returns true for End of Track. */
    private boolean meta(int eventStart) throws MidiFormatException {
        if (p >= end) {
            log.add(Repair.Kind.EVENT_TRUNCATED, eventStart, "meta event cut off by the end of the chunk; dropped");
            p = end;
            return false;
        }
        int type = b[p++] & 0xFF;
        long length = readVarLen();
        if (length < 0) {
            return false;
        }
        int dataStart = p;
        if (!skip(length, eventStart, "meta event", type)) {
            return false;
        }
        int len = (int) length;
        switch (type) {
            case END_OF_TRACK -> {
                return true;
            }
            case 0x51 -> tempo(dataStart, len, eventStart);
            case 0x58 -> timeSignature(dataStart, len, eventStart);
            case 0x59 -> keySignature(dataStart, len, eventStart);
            case 0x03 -> {
                if (trackName == null) {
                    trackName = SmfParser.decodeText(b, dataStart, len);
                }
            }
            default -> {
                TextEvent.Kind kind = TextEvent.Kind.ofMetaType(type);
                if (kind != null) {
                    parser.text(tick, kind, SmfParser.decodeText(b, dataStart, len));
                }
            }
        }
        return false;
    }

    private void tempo(int q, int len, int eventStart) throws MidiFormatException {
        if (len != 3) {
            log.add(Repair.Kind.INVALID_META_EVENT, eventStart, "tempo meta event must have 3 data bytes, got " + len + "; dropped");
            return;
        }
        int micros = ((b[q] & 0xFF) << 16) | ((b[q + 1] & 0xFF) << 8) | (b[q + 2] & 0xFF);
        if (micros == 0) {
            log.add(Repair.Kind.INVALID_META_EVENT, eventStart, "tempo of 0 microseconds per quarter; dropped");
            return;
        }
        parser.tempo(tick, micros);
    }

    private void timeSignature(int q, int len, int eventStart) throws MidiFormatException {
        if (len < 2) {
            log.add(Repair.Kind.INVALID_META_EVENT, eventStart, "time signature meta event needs at least 2 data bytes, got "
                    + len + "; dropped");
            return;
        }
        int numerator = b[q] & 0xFF;
        int power = b[q + 1] & 0xFF;
        if (numerator == 0 || power > 6) {
            log.add(Repair.Kind.INVALID_META_EVENT, eventStart, "time signature " + numerator + "/2^" + power
                    + " needs numerator >= 1 and denominator 2^0..2^6; dropped");
            return;
        }
        parser.timeSignature(tick, numerator, 1 << power);
    }

    private void keySignature(int q, int len, int eventStart) throws MidiFormatException {
        if (len < 2) {
            log.add(Repair.Kind.INVALID_META_EVENT, eventStart, "key signature meta event needs 2 data bytes, got " + len + "; dropped");
            return;
        }
        int sharps = b[q];
        int mode = b[q + 1] & 0xFF;
        if (sharps < -7 || sharps > 7 || mode > 1) {
            log.add(Repair.Kind.INVALID_META_EVENT, eventStart, "key signature with " + sharps + " sharps and mode " + mode
                    + " needs -7..7 and 0 or 1; dropped");
            return;
        }
        parser.keySignature(tick, sharps, mode == 1);
    }

    /** Advances past {@code length} bytes; false (with a repair) when they run past the chunk end. */
    private boolean skip(long length, int eventStart, String what, int type) throws MidiFormatException {
        if (length > end - p) {
            int left = end - p;
            log.add(Repair.Kind.EVENT_TRUNCATED, eventStart, () -> String.format("%s 0x%02X", what, type) + " of " + length
                    + " bytes runs past the end of the chunk (" + left + " bytes left); dropped");
            p = end;
            return false;
        }
        p += (int) length;
        return true;
    }

    /**
     * A variable-length quantity of at most 4 bytes (up to 0x0FFFFFFF); -1, with a repair, when it is
     * cut off by the chunk end or longer than 4 bytes (the rest of the chunk is then unreadable).
     */
    private long readVarLen() throws MidiFormatException {
        if (p < end && b[p] >= 0) {
            return b[p++]; // one-byte quantity (below 0x80): most delta times
        }
        int start = p;
        long value = 0;
        for (int i = 0; i < 4; i++) {
            if (p >= end) {
                log.add(Repair.Kind.EVENT_TRUNCATED, start, "variable-length quantity cut off by the end of the chunk; rest of track dropped");
                p = end;
                return -1;
            }
            int c = b[p++] & 0xFF;
            value = (value << 7) | (c & 0x7F);
            if ((c & 0x80) == 0) {
                return value;
            }
        }
        log.add(Repair.Kind.VARIABLE_LENGTH_TOO_LONG, start, "variable-length quantity longer than 4 bytes ("
                + describe(start) + "); rest of track dropped");
        p = end;
        return -1;
    }

    private String describe(int from) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(from + 5, end); i++) {
            s.append(String.format("%02X ", b[i] & 0xFF));
        }
        return s.toString().trim();
    }
}
