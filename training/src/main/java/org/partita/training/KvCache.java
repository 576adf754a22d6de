package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of the positions already seen, per layer, in buffers of {@code (1, B, H, capacity, D)} allocated
 * on the first write and owned by the cache's own manager. A decoding step writes its new positions in place and
 * attends over a view of the first {@code S} positions, so no step copies the cache (appending by concatenation
 * copied all of it, 8 copies per token, about 5% of a single-sample decoding step).
 *
 * <p>The model calls {@link #appendKeys}/{@link #appendValues} for each layer; the caller then {@link #advance}s
 * by the number of new positions.
 */
final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final int capacity;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    KvCache(int layers, int capacity) {
        if (layers < 1 || capacity < 1) {
            throw new IllegalArgumentException("layers and capacity must be >= 1, got " + layers + ", " + capacity);
        }
        this.manager = DjlRuntime.engine().newBaseManager();
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of cached positions S. */
    int length() {
        return length;
    }

    /** Writes {@code k} {@code (1, B, H, T, D)} after the cached positions; returns the view of all {@code S + T}. */
    NDArray appendKeys(NDManager scope, int layer, NDArray k) {
        return append(keys, scope, layer, k);
    }

    /** As {@link #appendKeys}, for values. */
    NDArray appendValues(NDManager scope, int layer, NDArray v) {
        return append(values, scope, layer, v);
    }

    /** Counts {@code t} new positions as cached, once every layer has appended them. */
    void advance(int t) {
        length += t;
    }

    private NDArray append(NDArray[] store, NDManager scope, int layer, NDArray x) {
        Shape s = x.getShape();
        long t = s.get(3);
        if (length + t > capacity) {
            throw new IllegalStateException("KV cache holds " + length + " of " + capacity + " positions, cannot add " + t);
        }
        if (store[layer] == null || store[layer].getShape().get(1) != s.get(1)) {
            if (store[layer] != null) {
                store[layer].close();
            }
            store[layer] = manager.zeros(new Shape(s.get(0), s.get(1), s.get(2), capacity, s.get(4)));
        }
        // Indices built directly: NDIndex's string form is parsed by regular expressions on every call.
        store[layer].set(new NDIndex().addAllDim(3).addSliceDim(length, length + t), x);
        NDArray view = store[layer].get(new NDIndex().addAllDim(3).addSliceDim(0, length + t));
        view.attach(scope); // the view dies with the step; the buffer stays
        return view;
    }

    /** Forgets every position; the buffers are kept for the next fill. */
    void clear() {
        length = 0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
