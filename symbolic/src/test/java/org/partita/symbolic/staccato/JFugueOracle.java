package org.partita.symbolic.staccato;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's JFugue 4.0.3 ({@code /usr/share/java/jfugue.jar}, package libjfugue-java) loaded in its own class loader
 * and run headless: MusicStringParser + MidiRenderer, no Player (which needs a sound device). Its beat grid is
 * 4x off and coarse (a quarter note is 30 ticks whatever the resolution asked for, each duration truncated to whole
 * ticks), so callers compare pitches, order and durations relative to its quarter note.
 */
final class JFugueOracle {

    static final Path JAR = Path.of(System.getProperty("partita.jfugue.jar", "/usr/share/java/jfugue.jar"));

    /** A note JFugue rendered: channel, pitch, velocity, on and off tick. */
    record JNote(int channel, int pitch, int velocity, long onTick, long offTick) {
    }

    private final ClassLoader loader;

    private JFugueOracle(ClassLoader loader) {
        this.loader = loader;
    }

    /** The oracle, or a visible skip (a failure under CI, which installs libjfugue-java) when the jar is absent. */
    static JFugueOracle loadOrSkip() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            String message = "SKIPPED: JFugue oracle not found at " + JAR + " (apt-get install libjfugue-java); "
                    + "Staccato was not compared with JFugue";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " — CI must have it (.ci/run installs it)");
            }
            Assumptions.assumeTrue(false, message);
        }
        // parent: the platform loader (javax.sound.midi), so nothing of ours can shadow JFugue's classes
        return new JFugueOracle(new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader()));
    }

    /** The notes JFugue 4.0.3 renders for {@code musicString}, sorted by channel, on tick, pitch, velocity. */
    List<JNote> render(String musicString) throws Exception {
        Class<?> parserClass = loader.loadClass("org.jfugue.MusicStringParser");
        Class<?> rendererClass = loader.loadClass("org.jfugue.MidiRenderer");
        Class<?> listenerClass = loader.loadClass("org.jfugue.ParserListener");
        Class<?> patternClass = loader.loadClass("org.jfugue.Pattern");
        Object parser = parserClass.getConstructor().newInstance();
        Object renderer = rendererClass.getConstructor(float.class, int.class).newInstance(Sequence.PPQ, 120);
        parserClass.getMethod("addParserListener", listenerClass).invoke(parser, renderer);
        parserClass.getMethod("parse", patternClass).invoke(parser,
                patternClass.getConstructor(String.class).newInstance(musicString));
        Sequence sequence = (Sequence) rendererClass.getMethod("getSequence").invoke(renderer);
        List<JNote> notes = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            Map<Integer, Deque<long[]>> open = new HashMap<>();
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (!(event.getMessage() instanceof ShortMessage m)) {
                    continue;
                }
                int key = m.getChannel() * 128 + m.getData1();
                if (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                    open.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new long[] {event.getTick(), m.getData2()});
                } else if (m.getCommand() == ShortMessage.NOTE_OFF || m.getCommand() == ShortMessage.NOTE_ON) {
                    Deque<long[]> q = open.get(key);
                    if (q != null && !q.isEmpty()) {
                        long[] on = q.removeFirst();
                        notes.add(new JNote(m.getChannel(), m.getData1(), (int) on[1], on[0], event.getTick()));
                    }
                }
            }
        }
        notes.sort((a, b) -> a.channel != b.channel ? Integer.compare(a.channel, b.channel)
                : a.onTick != b.onTick ? Long.compare(a.onTick, b.onTick)
                : a.pitch != b.pitch ? Integer.compare(a.pitch, b.pitch) : Integer.compare(a.velocity, b.velocity));
        return notes;
    }
}
