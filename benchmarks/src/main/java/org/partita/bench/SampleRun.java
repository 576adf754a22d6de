package org.partita.bench;

import org.partita.midi.MidiWriter;
import org.partita.midi.render.PianoRollPng;
import org.partita.midi.render.RenderOptions;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.symbolic.roll.PianoRoll;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.training.CheckpointInfo;
import org.partita.training.Checkpoints;
import org.partita.training.GenerationConfig;
import org.partita.training.Generator;
import org.partita.training.LogitsMask;
import org.partita.training.TransformerModel;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples a checkpoint without any grammar mask ({@link LogitsMask#NONE}), reports the grammar error rate of the
 * generated tokens, decodes them and writes MIDI (480 tpq), a PNG piano roll and a WAV (the JDK's default Gervill
 * bank via {@code AudioSystem.getAudioInputStream}) per sample, with one line of statistics each.
 * Args: CHECKPOINT_DIR OUT_DIR [samples=8] [maxNewTokens=1024] [temperature=1.0] [topP=1.0] [seed=1] [tokenizer=REMI],
 * or FILE.mid [tokenizer] for the same statistics of a real piece.
 */
public final class SampleRun {
    public static void main(String[] args) throws Exception {
        if (args[0].endsWith(".mid")) { // reference statistics of a real piece, after the tokenizer's round trip
            Tokenizer t = TokenizerRegistry.standard().createDefault(args.length > 1 ? args[1] : "REMI");
            Score s = t.decode(t.encode(org.partita.midi.MidiReader.lenient().read(Path.of(args[0])).score()).ids()).score();
            System.out.printf("%s: %d tokens; %s%n", args[0], t.encode(s).size(), describe(s));
            return;
        }
        Path checkpoint = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int maxNew = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        double temperature = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        double topP = args.length > 5 ? Double.parseDouble(args[5]) : 1.0;
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 1;
        String name = args.length > 7 ? args[7] : "REMI";
        CheckpointInfo info = Checkpoints.readInfo(checkpoint);
        Tokenizer tokenizer = TokenizerRegistry.standard().create(name,
                Files.readString(checkpoint.resolve("tokenizer.json")));
        GenerationConfig config = GenerationConfig.defaults().withMaxNewTokens(maxNew).withTemperature(temperature)
                .withTopP(topP).withSeed(seed).withSamples(samples);
        long t0 = System.nanoTime();
        List<int[]> generated;
        try (TransformerModel model = Checkpoints.loadModel(checkpoint)) {
            generated = new Generator(model, info.corpus().bosId(), info.corpus().eosId())
                    .generate(new int[0], config, LogitsMask.NONE);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long tokens = 0;
        long errors = 0;
        System.out.printf("checkpoint %s (step %d), %s, %.0f s generating%n", checkpoint, info.step(), config, seconds);
        for (int i = 0; i < generated.size(); i++) {
            int[] ids = generated.get(i);
            int[] full = new int[ids.length + 1];
            full[0] = info.corpus().bosId();
            System.arraycopy(ids, 0, full, 1, ids.length);
            long e = Math.round(tokenizer.grammar().errorRate(full) * full.length);
            System.out.println("  violations: " + violations(tokenizer, full));
            errors += e;
            tokens += ids.length;
            Decoded d = tokenizer.decode(full);
            Score score = d.score();
            String base = String.format("sample-%02d", i);
            Path mid = out.resolve(base + ".mid");
            MidiWriter.write(score, mid, 480);
            if (score.noteCount() > 0) {
                PianoRollPng.write(PianoRoll.from(score), RenderOptions.defaults().withTitle(base), out.resolve(base + ".png"));
            }
            String wav = wav(mid, out.resolve(base + ".wav"));
            boolean ended = ids.length > 0 && ids[ids.length - 1] == info.corpus().eosId();
            System.out.printf("%s: %d tokens%s, grammar errors %d; %s; %s%n", base, ids.length, ended ? " (EOS)" : "",
                    e, describe(score), wav);
        }
        System.out.printf("unconstrained grammar error rate: %d / %d = %.4f%n", errors, tokens, (double) errors / tokens);
    }

    /** Tracks with note count and pitch range, bars, duration, onset grid, polyphony and bar repetition. */
    static String describe(Score s) {
        StringBuilder b = new StringBuilder();
        int tpq = s.ticksPerQuarter();
        b.append(s.tracks().size()).append(" tracks [");
        Map<Long, Integer> durations = new HashMap<>();
        List<Note> all = new ArrayList<>();
        for (Track t : s.tracks()) {
            int lo = 128;
            int hi = -1;
            for (Note n : t.notes()) {
                lo = Math.min(lo, n.pitch());
                hi = Math.max(hi, n.pitch());
                durations.merge(n.durationTicks(), 1, Integer::sum);
                all.add(n);
            }
            b.append(String.format(" prog %d: %d notes %s-%s;", t.program(), t.notes().size(), name(lo), name(hi)));
        }
        b.append(" ]");
        double quarters = (double) s.endTick() / tpq;
        long barTicks = 4L * tpq; // js_fakes are in 4/4
        int bars = (int) Math.ceil((double) s.endTick() / barTicks);
        // polyphony: mean number of sounding notes at each onset
        Map<Long, Integer> onsets = new HashMap<>();
        for (Note n : all) {
            onsets.merge(n.startTick(), 1, Integer::sum);
        }
        double meanChord = onsets.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        // repetition: share of bars whose (onset-in-bar, pitch) set equals an earlier bar's
        List<Set<Long>> barSets = new ArrayList<>();
        for (int i = 0; i < bars; i++) {
            barSets.add(new HashSet<>());
        }
        for (Note n : all) {
            int bar = (int) (n.startTick() / barTicks);
            if (bar < bars) {
                barSets.get(bar).add((n.startTick() % barTicks) * 128 + n.pitch());
            }
        }
        int repeated = 0;
        Set<Set<Long>> seen = new HashSet<>();
        for (Set<Long> bs : barSets) {
            if (!bs.isEmpty() && !seen.add(bs)) {
                repeated++;
            }
        }
        List<Map.Entry<Long, Integer>> top = new ArrayList<>(durations.entrySet());
        top.sort((x, y) -> y.getValue() - x.getValue());
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < Math.min(3, top.size()); i++) {
            d.append(String.format("%s%.2fq×%d", i == 0 ? "" : ", ", (double) top.get(i).getKey() / tpq, top.get(i).getValue()));
        }
        b.append(String.format(" %d notes, %.1f quarters ≈ %d bars of 4/4, %.1f s; mean notes per onset %.2f; "
                        + "common durations %s; repeated bars %d/%d; in one major scale %.0f%%", all.size(), quarters, bars,
                s.durationSeconds(), meanChord, d, repeated, bars, 100 * inKeyShare(all)));
        return b.toString();
    }

    /** Each disallowed token with the one before it, e.g. {@code Bar_None after Pitch_60}. */
    static String violations(Tokenizer t, int[] ids) {
        List<String> out = new ArrayList<>();
        var state = t.grammar().start();
        for (int i = 0; i < ids.length; i++) {
            if (!state.allows(ids[i])) {
                out.add(t.vocabulary().token(ids[i]) + " after " + (i > 0 ? t.vocabulary().token(ids[i - 1]) : "start"));
            }
            state = state.next(ids[i]);
        }
        return out.isEmpty() ? "none" : String.join("; ", out);
    }

    /** Largest share of notes inside one major scale (max over the 12 keys). */
    static double inKeyShare(List<Note> notes) {
        int[] major = {0, 2, 4, 5, 7, 9, 11};
        double best = 0;
        for (int key = 0; key < 12; key++) {
            int in = 0;
            for (Note n : notes) {
                int pc = Math.floorMod(n.pitch() - key, 12);
                for (int m : major) {
                    in += pc == m ? 1 : 0;
                }
            }
            best = Math.max(best, notes.isEmpty() ? 0 : (double) in / notes.size());
        }
        return best;
    }

    private static String name(int pitch) {
        if (pitch < 0 || pitch > 127) {
            return "-";
        }
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return names[pitch % 12] + (pitch / 12 - 1);
    }

    /** Renders with the JDK synthesizer; returns length, RMS and peak of the 16-bit signal. */
    static String wav(Path mid, Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(mid.toFile())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            byte[] pcm = bytes.toByteArray();
            try (AudioInputStream again = new AudioInputStream(new java.io.ByteArrayInputStream(pcm), in.getFormat(),
                    pcm.length / in.getFormat().getFrameSize())) {
                AudioSystem.write(again, AudioFileFormat.Type.WAVE, wav.toFile());
            }
            ByteBuffer bb = ByteBuffer.wrap(pcm).order(in.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            double sum = 0;
            int peak = 0;
            int n = pcm.length / 2;
            for (int i = 0; i < n; i++) {
                short v = bb.getShort(2 * i);
                sum += (double) v * v;
                peak = Math.max(peak, Math.abs(v));
            }
            double secs = (double) pcm.length / in.getFormat().getFrameSize() / in.getFormat().getFrameRate();
            return String.format("WAV %.1f s, RMS %.1f dBFS, peak %.1f dBFS", secs,
                    20 * Math.log10(Math.sqrt(sum / Math.max(1, n)) / 32768), 20 * Math.log10(Math.max(1, peak) / 32768.0));
        } catch (Exception e) {
            return "WAV failed: " + e;
        }
    }
}
