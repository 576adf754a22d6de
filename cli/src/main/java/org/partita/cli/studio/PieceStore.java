package org.partita.cli.studio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The pieces of one server run, in memory, the least recently used dropped beyond {@code capacity} so that
 * memory stays flat however long the page is used. Thread-safe.
 */
final class PieceStore {

    private final int capacity;
    private final AtomicLong next = new AtomicLong(1);
    private final Map<String, StudioPiece> pieces;

    PieceStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.pieces = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StudioPiece> eldest) {
                return size() > PieceStore.this.capacity;
            }
        };
    }

    /** Stores the piece {@code make} builds from a fresh id. */
    StudioPiece add(Function<String, StudioPiece> make) {
        StudioPiece piece = make.apply("p" + next.getAndIncrement());
        synchronized (pieces) {
            pieces.put(piece.id(), piece);
        }
        return piece;
    }

    /** The piece, or a 404 naming the id. */
    StudioPiece get(String id) {
        synchronized (pieces) {
            StudioPiece p = pieces.get(id);
            if (p == null) {
                throw new ApiException(404, "no piece '" + id + "' (ids are p1, p2, ...; the server keeps the last "
                        + capacity + " pieces of this run)");
            }
            return p;
        }
    }

    int size() {
        synchronized (pieces) {
            return pieces.size();
        }
    }
}
