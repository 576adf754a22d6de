package org.partita.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of the positions already seen, per layer, each {@code (1, B, H, S, D)}. Between decoding steps
 * the arrays belong to the cache's own manager; during a step, {@link #lendTo} hands them to the step's scope
 * (so replaced arrays are freed with it) and {@link #keep} takes the new ones back.
 */
final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;

    KvCache(int layers) {
        this.manager = DjlRuntime.engine().newBaseManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of cached positions S. */
    int length() {
        return keys[0] == null ? 0 : (int) keys[0].getShape().get(3);
    }

    NDArray appendKeys(int layer, NDArray k) {
        keys[layer] = keys[layer] == null ? k : keys[layer].concat(k, 3);
        return keys[layer];
    }

    NDArray appendValues(int layer, NDArray v) {
        values[layer] = values[layer] == null ? v : values[layer].concat(v, 3);
        return values[layer];
    }

    void lendTo(NDManager scope) {
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) {
                keys[l].attach(scope);
                values[l].attach(scope);
            }
        }
    }

    void keep() {
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) {
                keys[l].attach(manager);
                values[l].attach(manager);
            }
        }
    }

    /** Forgets every position (the arrays are freed). */
    void clear() {
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) {
                keys[l].close();
                values[l].close();
            }
            keys[l] = null;
            values[l] = null;
        }
    }

    @Override
    public void close() {
        clear();
        manager.close();
    }
}
