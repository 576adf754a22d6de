package org.partita.midi.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.partita.midi.MidiWriter;
import org.partita.midi.WriteOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;

/**
 * The channel messages of a score with their times in microseconds from its start, in sending order.
 * The score goes through {@link MidiWriter} so channels, program changes, controls and the event order
 * within a tick are exactly those of the MIDI file Partita would write; times come from the score's
 * tempo map ({@link TimeGrid#tickToSeconds}).
 */
record TimedMessages(List<ShortMessage> messages, long[] micros) {

    static TimedMessages of(Score score) {
        Score s = score.ticksPerQuarter() <= WriteOptions.MAX_TICKS_PER_QUARTER
                ? score : score.resampled(WriteOptions.DEFAULT_TICKS_PER_QUARTER);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(MidiWriter.toBytes(s, s.ticksPerQuarter())));
        } catch (InvalidMidiDataException | IOException e) {
            throw new IllegalStateException("javax.sound cannot parse a file MidiWriter wrote: " + e, e);
        }
        record Timed(long tick, int track, int index, ShortMessage message) {}
        List<Timed> all = new ArrayList<>();
        Track[] tracks = sequence.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent e = tracks[t].get(i);
                if (e.getMessage() instanceof ShortMessage m) {
                    all.add(new Timed(e.getTick(), t, i, m));
                }
            }
        }
        all.sort(Comparator.comparingLong(Timed::tick).thenComparingInt(Timed::track).thenComparingInt(Timed::index));
        TimeGrid grid = s.timeGrid();
        List<ShortMessage> messages = new ArrayList<>(all.size());
        long[] micros = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            messages.add(all.get(i).message());
            micros[i] = Math.round(grid.tickToSeconds(all.get(i).tick()) * 1e6);
        }
        return new TimedMessages(List.copyOf(messages), micros);
    }
}
