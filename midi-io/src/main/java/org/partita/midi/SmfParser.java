package org.partita.midi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TextEvent;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * Parses the bytes of one Standard MIDI File. One instance per read; not thread-safe. Every loop
 * advances its position, and nothing is allocated from a length field, so no input can hang it or
 * make it allocate more than a small multiple of the input size.
 */
final class SmfParser {

    private static final int MTHD = 0x4D546864; // "MThd"
    private static final int MTRK = 0x4D54726B; // "MTrk"
    private static final int RIFF = 0x52494646; // "RIFF"
    private static final int RMID = 0x524D4944; // "RMID"
    private static final int DATA = 0x64617461; // "data"

    private final byte[] b;
    private final String source;
    private final RepairLog log;
    private final TrackAssembler assembler;

    /** Offset of the SMF inside {@code b} (non-zero for RIFF RMID files). */
    private int smfStart;
    /** End of the SMF inside {@code b}. */
    private int smfEnd;

    private final List<Track> tracks = new ArrayList<>();
    private final List<TempoChange> tempos = new ArrayList<>();
    private final List<TimeSignature> meters = new ArrayList<>();
    private final List<KeySignature> keys = new ArrayList<>();
    private final List<TextEvent> texts = new ArrayList<>();

    SmfParser(byte[] bytes, String source, boolean strict) {
        this.b = bytes;
        this.source = source;
        this.log = new RepairLog(source, strict);
        this.assembler = new TrackAssembler(log);
    }

    private MidiFormatException error(long offset, String rule) {
        return new MidiFormatException(source, offset, rule);
    }

    private int u8(int p) {
        return b[p] & 0xFF;
    }

    private int u16(int p) {
        return (u8(p) << 8) | u8(p + 1);
    }

    private int u32(int p) {
        return (u8(p) << 24) | (u8(p + 1) << 16) | (u8(p + 2) << 8) | u8(p + 3);
    }

    private int u32le(int p) {
        return u8(p) | (u8(p + 1) << 8) | (u8(p + 2) << 16) | (u8(p + 3) << 24);
    }

    ReadResult parse() throws MidiFormatException {
        if (b.length == 0) {
            throw error(0, "file is empty (0 bytes); a Standard MIDI File starts with a 14-byte MThd chunk");
        }
        smfStart = 0;
        smfEnd = b.length;
        unwrapRiff();
        if (smfEnd - smfStart < 14) {
            throw error(smfStart, "file too short for an MThd header chunk: " + (smfEnd - smfStart)
                    + " bytes, need 14");
        }
        if (u32(smfStart) != MTHD) {
            throw error(smfStart, "not a Standard MIDI File: expected 'MThd' at byte " + smfStart + ", found "
                    + describe(smfStart));
        }
        long headerLength = u32(smfStart + 4) & 0xFFFFFFFFL;
        if (headerLength < 6) {
            throw error(smfStart + 4, "MThd length must be 6, got " + headerLength);
        }
        if (smfStart + 8 + headerLength > smfEnd) {
            throw error(smfStart + 4, "MThd length " + headerLength + " runs past the end of the file ("
                    + (smfEnd - smfStart) + " bytes)");
        }
        int format = u16(smfStart + 8);
        int declaredTracks = u16(smfStart + 10);
        int division = u16(smfStart + 12);
        if (format > 2) {
            throw error(smfStart + 8, "SMF format must be 0, 1 or 2, got " + format);
        }
        if (headerLength > 6) {
            if (smfStart + 22 <= smfEnd && u32(smfStart + 14) == MTRK) {
                log.add(Repair.Kind.HEADER_TOO_LONG, smfStart + 4, "MThd length is " + headerLength
                        + ", expected 6, but an MTrk chunk starts right after 6 bytes; length read as 6");
                headerLength = 6;
            } else {
                log.add(Repair.Kind.HEADER_TOO_LONG, smfStart + 4,
                        "MThd length is " + headerLength + ", expected 6; " + (headerLength - 6) + " extra bytes skipped");
            }
        }
        int ticksPerQuarter = ticksPerQuarter(division);
        int chunks = readChunks((int) (smfStart + 8 + headerLength));
        if (chunks != declaredTracks) {
            log.add(Repair.Kind.TRACK_COUNT_MISMATCH, smfStart + 10,
                    "header declares " + declaredTracks + " tracks but the file has " + chunks
                            + " MTrk chunks; read the " + chunks + " found");
        }
        if ((division & 0x8000) != 0) {
            applySmpteTempo(division);
        }
        Score score = new Score(ticksPerQuarter, tracks, tempos, meters, keys, texts);
        ReadReport report = new ReadReport(format, declaredTracks, chunks, division, log.listed(), log.counts());
        return new ReadResult(score, report);
    }

    /** A RIFF RMID wrapper holds the SMF in its "data" chunk. */
    private void unwrapRiff() throws MidiFormatException {
        if (b.length < 12 || u32(0) != RIFF || u32(8) != RMID) {
            return;
        }
        int p = 12;
        while (p + 8 <= b.length) {
            int id = u32(p);
            long len = u32le(p + 4) & 0xFFFFFFFFL;
            if (id == DATA) {
                smfStart = p + 8;
                smfEnd = (int) Math.min(b.length, smfStart + len);
                log.add(Repair.Kind.RIFF_UNWRAPPED, 0,
                        "RIFF RMID container; SMF read from its 'data' chunk at byte " + smfStart);
                return;
            }
            long next = p + 8 + len + (len & 1);
            if (next > b.length) {
                break;
            }
            p = (int) next;
        }
        throw error(12, "RIFF RMID file without a 'data' chunk holding the MIDI data");
    }

    private int ticksPerQuarter(int division) throws MidiFormatException {
        if ((division & 0x8000) == 0) {
            if (division == 0) {
                throw error(smfStart + 12, "ticks per quarter note (MThd division) must be > 0, got 0");
            }
            return division;
        }
        int framesPerSecond = -(byte) (division >> 8);
        int ticksPerFrame = division & 0xFF;
        if (framesPerSecond != 24 && framesPerSecond != 25 && framesPerSecond != 29 && framesPerSecond != 30) {
            throw error(smfStart + 12, String.format(
                    "SMPTE division 0x%04X: frames per second must be 24, 25, 29 (drop-frame) or 30, got %d",
                    division, framesPerSecond));
        }
        if (ticksPerFrame == 0) {
            throw error(smfStart + 12, String.format("SMPTE division 0x%04X: ticks per frame must be > 0, got 0",
                    division));
        }
        int nominal = framesPerSecond == 29 ? 30 : framesPerSecond;
        return nominal * ticksPerFrame;
    }

    /**
     * SMPTE files time events in absolute frames, so tempo events do not apply. One quarter is made
     * one (nominal) second of ticks; the single tempo then makes tick times exact: 1,000,000 µs per
     * quarter, or 1,001,001 µs for 29.97 drop-frame.
     */
    private void applySmpteTempo(int division) throws MidiFormatException {
        int framesPerSecond = -(byte) (division >> 8);
        int microsPerQuarter = framesPerSecond == 29 ? (int) Math.round(1_000_000.0 * 30 / 29.97) : 1_000_000;
        int dropped = tempos.size();
        tempos.clear();
        tempos.add(new TempoChange(0, microsPerQuarter));
        log.add(Repair.Kind.SMPTE_DIVISION_CONVERTED, smfStart + 12, String.format(
                "SMPTE division 0x%04X (%d fps, %d ticks/frame) read as %d ticks per quarter at %d µs per quarter;"
                        + " %d tempo events ignored as SMPTE timing is absolute",
                division, framesPerSecond, division & 0xFF, ticksPerQuarter(division), microsPerQuarter, dropped));
    }

    /** Reads all chunks from {@code p}; returns the number of MTrk chunks. */
    private int readChunks(int p) throws MidiFormatException {
        int count = 0;
        while (p < smfEnd) {
            if (smfEnd - p < 8) {
                log.add(Repair.Kind.TRAILING_GARBAGE, p, (smfEnd - p) + " bytes after the last chunk, too short for a chunk header; ignored");
                break;
            }
            int id = u32(p);
            long len = u32(p + 4) & 0xFFFFFFFFL;
            if (id == MTRK) {
                long declaredEnd = p + 8 + len;
                int end = (int) Math.min(declaredEnd, smfEnd);
                if (declaredEnd > smfEnd) {
                    log.add(Repair.Kind.CHUNK_TRUNCATED, p + 4, "MTrk length " + len + " runs past the end of the file ("
                            + (smfEnd - p - 8) + " of its bytes present); read what is there");
                }
                int stop = readTrack(count, p + 8, end);
                count++;
                if (stop < end && stop + 8 <= smfEnd && u32(stop) == MTRK) {
                    log.add(Repair.Kind.CHUNK_LENGTH_MISMATCH, p + 4, "MTrk length " + len + " but End of Track at byte "
                            + (stop - 1) + " is followed by the next MTrk at byte " + stop + "; continued there");
                    p = stop;
                } else {
                    if (stop < end) {
                        log.add(Repair.Kind.EVENTS_AFTER_END_OF_TRACK, stop, (end - stop)
                                + " bytes after End of Track inside the MTrk chunk; ignored");
                    }
                    p = end;
                }
            } else if (isChunkId(id)) {
                long next = p + 8 + len;
                log.add(Repair.Kind.UNKNOWN_CHUNK_SKIPPED, p, "unknown chunk '" + ascii(p) + "' of " + len + " bytes skipped");
                if (next > smfEnd) {
                    log.add(Repair.Kind.CHUNK_TRUNCATED, p + 4, "chunk '" + ascii(p) + "' length " + len
                            + " runs past the end of the file");
                    break;
                }
                p = (int) next;
            } else {
                int next = findMtrk(p + 1);
                if (next < 0) {
                    log.add(Repair.Kind.TRAILING_GARBAGE, p, (smfEnd - p) + " bytes after the last chunk are not a chunk ("
                            + describe(p) + "); ignored");
                    break;
                }
                log.add(Repair.Kind.GARBAGE_BETWEEN_CHUNKS, p, (next - p) + " bytes that are not a chunk ("
                        + describe(p) + ") skipped up to the MTrk chunk at byte " + next);
                p = next;
            }
        }
        return count;
    }

    private int findMtrk(int from) {
        for (int p = from; p + 8 <= smfEnd; p++) {
            if (b[p] == 'M' && u32(p) == MTRK) {
                return p;
            }
        }
        return -1;
    }

    private boolean isChunkId(int id) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (id >>> shift) & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int p) {
        return new String(b, p, 4, StandardCharsets.ISO_8859_1);
    }

    private String describe(int p) {
        StringBuilder s = new StringBuilder();
        for (int i = p; i < Math.min(p + 4, smfEnd); i++) {
            s.append(String.format("%02X ", u8(i)));
        }
        return s.toString().trim();
    }

    /**
     * Parses the events of one MTrk chunk body {@code [p, end)}; returns the offset just after its
     * End of Track event, or {@code end} when it had none.
     */
    private int readTrack(int chunkIndex, int p, int end) throws MidiFormatException {
        assembler.begin(end - p);
        TrackEvents events = new TrackEvents(this, b, p, end, log, assembler);
        int stop = events.run();
        String name = events.trackName() == null ? "" : events.trackName();
        tracks.addAll(assembler.finish(events.endTick(), name, stop));
        return stop;
    }

    // Called by TrackEvents for meta events that belong to the whole score.

    void tempo(long tick, int microsPerQuarter) {
        tempos.add(new TempoChange(tick, microsPerQuarter));
    }

    void timeSignature(long tick, int numerator, int denominator) {
        meters.add(new TimeSignature(tick, numerator, denominator));
    }

    void keySignature(long tick, int sharps, boolean minor) {
        keys.add(new KeySignature(tick, sharps, minor));
    }

    void text(long tick, TextEvent.Kind kind, String text) {
        texts.add(new TextEvent(tick, kind, text));
    }

    /** Text in MIDI files is mostly ASCII; decode UTF-8 when the bytes are valid UTF-8, else ISO-8859-1. */
    static String decodeText(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // Most MIDI text is ASCII: no decoder needed (creating one per event showed in profiles).
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
