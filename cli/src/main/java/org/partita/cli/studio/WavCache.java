package org.partita.cli.studio;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.partita.midi.audio.AudioOptions;
import org.partita.midi.audio.WavRenderer;

/**
 * WAV renderings of the latest pieces, made on one background thread: a continue request queues its candidates'
 * renderings at once, so pressing play finds the first one ready or under way. Holds at most {@code capacity}
 * renderings (a few MB each), the least recently used dropped. Thread-safe.
 */
final class WavCache implements AutoCloseable {

    private final int capacity;
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studio-wav");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Future<byte[]>> renderings;

    WavCache(int capacity) {
        this.capacity = capacity;
        this.renderings = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Future<byte[]>> eldest) {
                return size() > WavCache.this.capacity;
            }
        };
    }

    /** Queues the rendering of {@code piece} unless it is cached or under way. */
    Future<byte[]> prepare(StudioPiece piece) {
        synchronized (renderings) {
            return renderings.computeIfAbsent(piece.id(),
                    id -> renderer.submit(() -> WavRenderer.toWav(piece.score(), AudioOptions.defaults())));
        }
    }

    /** The WAV bytes of {@code piece}, rendered now or earlier. */
    byte[] get(StudioPiece piece) throws IOException, InterruptedException {
        try {
            return prepare(piece).get();
        } catch (ExecutionException e) {
            synchronized (renderings) {
                renderings.remove(piece.id());
            }
            throw e.getCause() instanceof IOException io ? io : new IOException("cannot render " + piece.id()
                    + " as WAV: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        renderer.shutdownNow();
    }
}
