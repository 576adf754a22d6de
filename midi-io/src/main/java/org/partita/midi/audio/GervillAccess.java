package org.partita.midi.audio;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Reaches the JDK's Gervill synthesizer ({@code com.sun.media.sound.SoftSynthesizer}) and its offline
 * {@code AudioSynthesizer.openStream}, which the public javax.sound API does not offer. The package is
 * not exported by {@code java.desktop}, and {@code javac --release 17} refuses {@code --add-exports},
 * so the classes are used by reflection; the JVM must still run with
 * {@value #ADD_EXPORTS_FLAG} (the partita jar's manifest says {@code Add-Exports}).
 */
final class GervillAccess {

    static final String PACKAGE = "com.sun.media.sound";
    static final String ADD_EXPORTS_FLAG = "--add-exports java.desktop/" + PACKAGE + "=ALL-UNNAMED";

    private GervillAccess() {
    }

    /** True when this JVM lets us call into Gervill's internal package. */
    static boolean available() {
        return ModuleLayer.boot().findModule("java.desktop")
                .map(m -> m.isExported(PACKAGE, GervillAccess.class.getModule()))
                .orElse(false);
    }

    /** A new, closed Gervill synthesizer. */
    static Synthesizer newSynthesizer() {
        requireAvailable();
        try {
            return (Synthesizer) Class.forName(PACKAGE + ".SoftSynthesizer").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("this JDK has no Gervill synthesizer (" + PACKAGE + ".SoftSynthesizer): " + e, e);
        }
    }

    /**
     * Opens {@code synth} in pull mode: nothing is played, reading the returned stream renders audio.
     * {@code info} holds Gervill's open options (e.g. {@code "load default soundbank"}).
     */
    static AudioInputStream openStream(Synthesizer synth, AudioFormat format, Map<String, Object> info)
            throws MidiUnavailableException {
        requireAvailable();
        try {
            Class<?> audioSynthesizer = Class.forName(PACKAGE + ".AudioSynthesizer");
            Method open = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, format, info);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException m) {
                throw m;
            }
            throw new IllegalStateException("Gervill openStream failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call Gervill's AudioSynthesizer.openStream: " + e, e);
        }
    }

    private static void requireAvailable() {
        if (!available()) {
            throw new IllegalStateException("offline audio rendering needs the JVM option " + ADD_EXPORTS_FLAG
                    + " (the partita launcher sets it; add it when calling WavRenderer from your own program)");
        }
    }
}
