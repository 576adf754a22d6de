package org.partita.tokenizers.remi;

/**
 * Stable sorts of notes held as parallel primitive arrays, by onset and then either symusic's order
 * (duration, pitch, velocity) or the canonical {@code Track} order (pitch, duration, velocity).
 * Sorting index arrays with a primitive comparison avoids boxing; the common inputs are already
 * sorted by onset, so only groups of notes sharing an onset need sorting. Stateless.
 */
final class NoteOrder {

    private static final int INSERTION_LIMIT = 24;

    private NoteOrder() {
    }

    /**
     * The permutation that sorts the first {@code n} notes stably ({@code order[r]} = index of the
     * r-th note), or null when they are already in order.
     */
    static int[] sortedIndexes(long[] time, long[] duration, int[] pitch, int[] velocity, int n, boolean pitchFirst) {
        boolean sorted = true;
        boolean onsetsSorted = true;
        for (int i = 1; i < n; i++) {
            if (time[i - 1] > time[i]) {
                onsetsSorted = false;
                sorted = false;
                break;
            }
            if (sorted && compare(time, duration, pitch, velocity, pitchFirst, i - 1, i) > 0) {
                sorted = false;
            }
        }
        if (sorted) {
            return null;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] scratch = new int[n];
        // Runs of non-decreasing onsets (one run unless tracks were concatenated): sort the notes
        // sharing an onset inside each run, then merge neighbouring runs stably.
        int[] runStarts = new int[onsetsSorted ? 2 : n + 1];
        int runs = 0;
        int start = 0;
        while (start < n) {
            runStarts[runs++] = start;
            int end = start + 1;
            while (end < n && time[end - 1] <= time[end]) {
                end++;
            }
            sortOnsetGroups(idx, start, end, scratch, time, duration, pitch, velocity, pitchFirst);
            start = end;
        }
        runStarts[runs] = n;
        while (runs > 1) {
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                int from = runStarts[r];
                if (r + 1 < runs) {
                    merge(idx, from, runStarts[r + 1], runStarts[r + 2], scratch, time, duration, pitch, velocity,
                            pitchFirst);
                }
                runStarts[merged++] = from;
            }
            runStarts[merged] = n;
            runs = merged;
        }
        return idx;
    }

    /** The rank of each note in the sorted order ({@code rank[i]} = position of note i). */
    static int[] ranks(long[] time, long[] duration, int[] pitch, int[] velocity, int n, boolean pitchFirst) {
        int[] order = sortedIndexes(time, duration, pitch, velocity, n, pitchFirst);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order == null ? r : order[r]] = r;
        }
        return rank;
    }

    /** Sorts the part's notes in place, stably. */
    static void sort(Prepared.Part p, boolean pitchFirst) {
        int[] order = sortedIndexes(p.time, p.duration, p.pitch, p.velocity, p.size, pitchFirst);
        if (order == null) {
            return;
        }
        long[] t = new long[p.size];
        long[] d = new long[p.size];
        int[] pi = new int[p.size];
        int[] v = new int[p.size];
        for (int i = 0; i < p.size; i++) {
            int k = order[i];
            t[i] = p.time[k];
            d[i] = p.duration[k];
            pi[i] = p.pitch[k];
            v[i] = p.velocity[k];
        }
        p.time = t;
        p.duration = d;
        p.pitch = pi;
        p.velocity = v;
    }

    private static int compare(long[] time, long[] duration, int[] pitch, int[] velocity, boolean pitchFirst,
                               int a, int b) {
        int c = Long.compare(time[a], time[b]);
        if (c != 0) {
            return c;
        }
        if (pitchFirst) {
            c = Integer.compare(pitch[a], pitch[b]);
            if (c == 0) {
                c = Long.compare(duration[a], duration[b]);
            }
        } else {
            c = Long.compare(duration[a], duration[b]);
            if (c == 0) {
                c = Integer.compare(pitch[a], pitch[b]);
            }
        }
        return c != 0 ? c : Integer.compare(velocity[a], velocity[b]);
    }

    private static void sortOnsetGroups(int[] idx, int from, int to, int[] scratch, long[] time, long[] duration,
                                        int[] pitch, int[] velocity, boolean pitchFirst) {
        int start = from;
        while (start < to) {
            int end = start + 1;
            while (end < to && time[idx[end]] == time[idx[start]]) {
                end++;
            }
            if (end - start > 1) {
                sort(idx, start, end, scratch, time, duration, pitch, velocity, pitchFirst);
            }
            start = end;
        }
    }

    /** Stable merge of the sorted ranges idx[from, mid) and idx[mid, to). */
    private static void merge(int[] idx, int from, int mid, int to, int[] scratch, long[] time, long[] duration,
                              int[] pitch, int[] velocity, boolean pitchFirst) {
        if (compare(time, duration, pitch, velocity, pitchFirst, idx[mid - 1], idx[mid]) <= 0) {
            return;
        }
        System.arraycopy(idx, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(time, duration, pitch, velocity, pitchFirst, scratch[i], scratch[j]) <= 0)) {
                idx[k] = scratch[i++];
            } else {
                idx[k] = scratch[j++];
            }
        }
    }

    /** Stable sort of idx[from, to): insertion sort for short ranges, merge sort otherwise. */
    private static void sort(int[] idx, int from, int to, int[] scratch, long[] time, long[] duration, int[] pitch,
                             int[] velocity, boolean pitchFirst) {
        if (to - from <= INSERTION_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                int x = idx[i];
                int j = i - 1;
                while (j >= from && compare(time, duration, pitch, velocity, pitchFirst, idx[j], x) > 0) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(idx, from, mid, scratch, time, duration, pitch, velocity, pitchFirst);
        sort(idx, mid, to, scratch, time, duration, pitch, velocity, pitchFirst);
        merge(idx, from, mid, to, scratch, time, duration, pitch, velocity, pitchFirst);
    }
}
