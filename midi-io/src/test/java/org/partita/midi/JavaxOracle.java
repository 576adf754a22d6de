package org.partita.midi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.partita.symbolic.Note;

/**
 * Test helper: parses written bytes with the JDK's own SMF reader (javax.sound.midi), an
 * implementation independent of ours, and recovers notes from it by FIFO pairing.
 */
final class JavaxOracle {

    private JavaxOracle() {
    }

    static Sequence parse(byte[] bytes) {
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException e) {
            throw new AssertionError("javax.sound.midi could not read the written file", e);
        }
    }

    static int fileType(byte[] bytes) {
        try {
            return MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes)).getType();
        } catch (InvalidMidiDataException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Channel messages of a chunk, in file order. */
    static List<ShortMessage> shortMessages(Track track) {
        List<ShortMessage> out = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof ShortMessage m) {
                out.add(m);
            }
        }
        return out;
    }

    /** Channel events of a chunk as "tick:COMMAND channel d1 d2" strings, in file order. */
    static List<String> describeShort(Track track) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (e.getMessage() instanceof ShortMessage m) {
                out.add(String.format("%d:%02X %d %d %d", e.getTick(), m.getCommand(), m.getChannel(),
                        m.getData1(), m.getData2()));
            }
        }
        return out;
    }

    /** Meta events of a chunk other than End of Track, in file order. */
    static List<MidiEvent> metaEvents(Track track) {
        List<MidiEvent> out = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() != 0x2F) {
                out.add(track.get(i));
            }
        }
        return out;
    }

    /** The channels a chunk's channel messages use. */
    static TreeSet<Integer> channels(Track track) {
        TreeSet<Integer> out = new TreeSet<>();
        for (ShortMessage m : shortMessages(track)) {
            out.add(m.getChannel());
        }
        return out;
    }

    /**
     * Notes of a chunk, pairing each note-off (0x80, or 0x90 with velocity 0) with the earliest open
     * note-on of its (channel, pitch). Sorted in canonical note order.
     */
    static List<Note> notesFifo(Track track) {
        Map<Integer, ArrayDeque<long[]>> open = new HashMap<>();
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (!(e.getMessage() instanceof ShortMessage m)) {
                continue;
            }
            int key = m.getChannel() * 128 + m.getData1();
            boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
            boolean off = m.getCommand() == ShortMessage.NOTE_OFF
                    || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
            if (on) {
                open.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new long[] {e.getTick(), m.getData2()});
            } else if (off) {
                long[] start = open.get(key).removeFirst();
                notes.add(new Note(start[0], e.getTick() - start[0], m.getData1(), (int) start[1]));
            }
        }
        for (ArrayDeque<long[]> q : open.values()) {
            if (!q.isEmpty()) {
                throw new AssertionError("note-on without note-off at tick " + q.peekFirst()[0]);
            }
        }
        notes.sort(null);
        return notes;
    }
}
