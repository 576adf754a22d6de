package org.partita.tokenizers.remi;

import java.util.List;

/**
 * A score after MidiTok's preprocessing, in MidiTok's own note order (time, duration, pitch,
 * velocity as symusic sorts them, then resampled), which the encoder needs and {@code Track}'s
 * canonical order would lose. Package-private working value; arrays are owned, never shared.
 */
final class Prepared {

    /** One track's notes as parallel arrays. */
    static final class Part {
        final String name;
        final int program;
        final boolean isDrum;
        long[] time;
        long[] duration;
        int[] pitch;
        int[] velocity;
        int size;

        Part(String name, int program, boolean isDrum, int capacity) {
            this.name = name;
            this.program = program;
            this.isDrum = isDrum;
            time = new long[capacity];
            duration = new long[capacity];
            pitch = new int[capacity];
            velocity = new int[capacity];
        }

        /** MidiTok's program key: -1 for drums. */
        int programKey() {
            return isDrum ? -1 : program;
        }

        /** Copies note {@code from} over note {@code to}, for compacting in place ({@code to <= from}). */
        void copyNote(int from, int to) {
            time[to] = time[from];
            duration[to] = duration[from];
            pitch[to] = pitch[from];
            velocity[to] = velocity[from];
        }

        void add(long t, long d, int p, int v) {
            if (size == time.length) {
                int cap = Math.max(8, size * 2);
                time = java.util.Arrays.copyOf(time, cap);
                duration = java.util.Arrays.copyOf(duration, cap);
                pitch = java.util.Arrays.copyOf(pitch, cap);
                velocity = java.util.Arrays.copyOf(velocity, cap);
            }
            time[size] = t;
            duration[size] = d;
            pitch[size] = p;
            velocity[size] = v;
            size++;
        }
    }

    final int ticksPerQuarter;
    final List<Part> parts;
    /** Tempo changes: tick and tempo bin index, in order. */
    final long[] tempoTicks;
    final int[] tempoBins;
    /** Time signatures: tick, numerator, denominator, in order (first at tick 0). */
    final long[] tsTicks;
    final int[] tsNumerators;
    final int[] tsDenominators;

    Prepared(int ticksPerQuarter, List<Part> parts, long[] tempoTicks, int[] tempoBins, long[] tsTicks,
             int[] tsNumerators, int[] tsDenominators) {
        this.ticksPerQuarter = ticksPerQuarter;
        this.parts = parts;
        this.tempoTicks = tempoTicks;
        this.tempoBins = tempoBins;
        this.tsTicks = tsTicks;
        this.tsNumerators = tsNumerators;
        this.tsDenominators = tsDenominators;
    }
}
