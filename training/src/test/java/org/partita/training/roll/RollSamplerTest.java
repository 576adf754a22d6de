package org.partita.training.roll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.partita.training.DjlRuntime;

class RollSamplerTest {
    static final RollModelConfig TINY = new RollModelConfig(4, 4, 8, 1, 16);

    /** A js_fakes-like roll: 4 voices, 24 steps, random pitches in each voice's usual range, some rests. */
    static VoiceRoll randomRoll(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] p = new int[4][24];
        int[] low = {60, 55, 48, 38};
        for (int v = 0; v < 4; v++) {
            for (int t = 0; t < 24; t++) {
                p[v][t] = rng.nextInt(8) == 0 ? VoiceRoll.REST : low[v] + rng.nextInt(14);
            }
        }
        return VoiceRoll.ofPitches(p);
    }

    static boolean[][] randomMask(long seed) {
        return RollMasks.orderless(new SplittableRandom(seed), 4, 24);
    }

    @Test
    void aModelPredictingNaNStopsSamplingWithTheVoiceAndStepInsteadOfWritingTheLowestPitch(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        DjlRuntime.engine(1);
        try (RollModel model = RollModel.create(TINY, 3)) {
            model.save(dir.resolve("fresh.bin"));
        }
        java.util.Map<String, org.partita.training.ParamsIo.Tensor> tensors =
                new java.util.LinkedHashMap<>(org.partita.training.ParamsIo.read(dir.resolve("fresh.bin")));
        org.partita.training.ParamsIo.Tensor bias = tensors.get("out.b");
        float[] nan = new float[bias.values().length];
        java.util.Arrays.fill(nan, Float.NaN);
        tensors.put("out.b", new org.partita.training.ParamsIo.Tensor(bias.shape(), nan));
        org.partita.training.ParamsIo.write(dir.resolve("nan.bin"), tensors);
        try (RollModel broken = RollModel.load(TINY, dir.resolve("nan.bin"))) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new RollSampler(broken).fill(randomRoll(1), randomMask(1), SamplingConfig.defaults()));
            assertTrue(e.getMessage().contains("voice") && e.getMessage().contains("step")
                    && e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void aLongPieceIsCutIntoWindowsThatKeepEveryStepOnceWithContextOnBothSides() {
        for (int steps : new int[] {1, 255, 256, 257, 300, 449, 1000, 5654}) {
            java.util.List<RollSampler.Window> windows = RollSampler.windows(steps);
            if (steps <= RollSampler.WINDOW_STEPS) {
                assertEquals(java.util.List.of(new RollSampler.Window(0, steps, 0, steps)), windows);
            }
            int kept = 0;
            for (int i = 0; i < windows.size(); i++) {
                RollSampler.Window w = windows.get(i);
                boolean last = i == windows.size() - 1;
                assertEquals(kept, w.keepFrom(), "window " + i + " of " + steps + " steps starts where the last ended");
                assertTrue(w.to() - w.from() <= RollSampler.WINDOW_STEPS, "window " + i + ": " + w);
                assertEquals(Math.min(kept, RollSampler.CONTEXT_STEPS), w.keepFrom() - w.from(), "left context " + w);
                assertEquals(last ? 0 : RollSampler.CONTEXT_STEPS, w.to() - w.keepTo(), "right context " + w);
                assertTrue(w.keepTo() > w.keepFrom(), w.toString());
                kept = w.keepTo();
            }
            assertEquals(steps, kept);
        }
        assertEquals(java.util.List.of(new RollSampler.Window(0, 256, 0, 224), new RollSampler.Window(192, 448, 224, 416),
                new RollSampler.Window(384, 640, 416, 608), new RollSampler.Window(576, 832, 608, 800),
                new RollSampler.Window(768, 1000, 800, 1000)), RollSampler.windows(1000));
    }

    @Test
    void aPieceLongerThanAWindowIsFilledReproduciblyAroundItsGivenCells() {
        DjlRuntime.engine(1);
        int steps = 600; // three windows
        SplittableRandom rng = new SplittableRandom(8);
        int[][] p = new int[4][steps];
        boolean[][] erased = new boolean[4][steps];
        for (int t = 0; t < steps; t++) {
            p[0][t] = 60 + rng.nextInt(12);
            for (int v = 1; v < 4; v++) {
                p[v][t] = VoiceRoll.REST;
                erased[v][t] = t < 100 || t >= 300; // a gap with nothing to generate: a window is skipped
            }
        }
        VoiceRoll roll = VoiceRoll.ofPitches(p);
        try (RollModel model = RollModel.create(TINY, 3)) {
            SamplingConfig c = SamplingConfig.defaults().withSeed(5).withSteps(6);
            VoiceRoll a = new RollSampler(model).fill(roll, erased, c);
            VoiceRoll b = new RollSampler(model).fill(roll, erased, c);
            int sounding = 0;
            for (int v = 0; v < 4; v++) {
                for (int t = 0; t < steps; t++) {
                    assertEquals(a.pitch(v, t), b.pitch(v, t), "same seed, voice " + v + " step " + t);
                    if (!erased[v][t]) {
                        assertEquals(roll.pitch(v, t), a.pitch(v, t), "given cell voice " + v + " step " + t);
                    } else {
                        int pitch = a.pitch(v, t);
                        assertTrue(pitch == VoiceRoll.REST || RollGrid.inRange(pitch), "pitch " + pitch);
                        sounding += pitch == VoiceRoll.REST ? 0 : 1;
                    }
                }
            }
            assertTrue(sounding > 0, "an untrained model still draws pitches, not only rests");
        }
    }

    @Test
    void givenCellsNeverChangeAndEveryCellIsOnePitchInRangeOrRest() {
        DjlRuntime.engine(1);
        try (RollModel model = RollModel.create(TINY, 3)) {
            for (long seed = 1; seed <= 4; seed++) {
                VoiceRoll roll = randomRoll(seed);
                boolean[][] erased = randomMask(seed);
                for (SamplingConfig c : new SamplingConfig[] {SamplingConfig.defaults().withSeed(seed).withSteps(10),
                        SamplingConfig.defaults().withSeed(seed).withGibbs(false)}) {
                    VoiceRoll out = new RollSampler(model).fill(roll, erased, c);
                    assertEquals(4, out.voiceCount());
                    assertEquals(24, out.stepCount());
                    for (int v = 0; v < 4; v++) {
                        for (int t = 0; t < 24; t++) {
                            if (!erased[v][t]) {
                                assertEquals(roll.pitch(v, t), out.pitch(v, t), "given cell voice " + v + " step " + t);
                                if (roll.onset(v, t)) {
                                    assertTrue(out.onset(v, t), "a given note start stays a note start");
                                }
                            } else {
                                int p = out.pitch(v, t);
                                assertTrue(p == VoiceRoll.REST || RollGrid.inRange(p), "pitch " + p);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameResultAndAnotherSeedAnother() {
        DjlRuntime.engine(1);
        try (RollModel model = RollModel.create(TINY, 3)) {
            VoiceRoll roll = randomRoll(9);
            boolean[][] erased = new boolean[4][24];
            for (int v = 1; v < 4; v++) {
                java.util.Arrays.fill(erased[v], true);
            }
            RollSampler sampler = new RollSampler(model);
            VoiceRoll a = sampler.fill(roll, erased, SamplingConfig.defaults().withSeed(5));
            VoiceRoll b = sampler.fill(roll, erased, SamplingConfig.defaults().withSeed(5));
            VoiceRoll c = sampler.fill(roll, erased, SamplingConfig.defaults().withSeed(6));
            assertEquals(a, b);
            assertNotEquals(a, c);
        }
    }

    @Test
    void blockProbabilityFallsLinearlyOverSeventyPercentThenStays() {
        SamplingConfig c = SamplingConfig.defaults();
        assertEquals(0.9, c.blockProbability(0, 100), 1e-12);
        assertEquals(0.5, c.blockProbability(35, 100), 1e-12);
        assertEquals(0.1, c.blockProbability(70, 100), 1e-12);
        assertEquals(0.1, c.blockProbability(99, 100), 1e-12);
    }

    @Test
    void aGeneratedVoiceKeepingItsPitchIsStruckAgainOnABeatWhereTheSopranoMovesAndHeldOtherwise() {
        // soprano: a new note on every beat (steps 0, 4, 8) and an off-beat one at step 10; alto keeps 60 throughout,
        // tenor rests then keeps 55 from step 6
        int[] soprano = {72, 72, 72, 72, 74, 74, 74, 74, 76, 76, 77, 77};
        int[][] pitches = new int[4][12];
        boolean[][] onsets = new boolean[4][12];
        boolean[][] erased = new boolean[4][12];
        pitches[0] = soprano;
        for (int t : new int[] {0, 4, 8, 10}) {
            onsets[0][t] = true;
        }
        for (int t = 0; t < 12; t++) {
            pitches[1][t] = 60;
            pitches[2][t] = t < 6 ? VoiceRoll.REST : 55;
            pitches[3][t] = VoiceRoll.REST;
            erased[1][t] = erased[2][t] = erased[3][t] = true;
        }
        boolean[][] out = RollSampler.generatedOnsets(new VoiceRoll(pitches, onsets), pitches, erased);
        for (int t = 0; t < 12; t++) {
            assertEquals(onsets[0][t], out[0][t], "given soprano onset at step " + t + " kept");
            assertEquals(t == 0 || t == 4 || t == 8, out[1][t], "alto at step " + t);
            assertEquals(t == 6 || t == 8, out[2][t], "tenor at step " + t);
            assertEquals(false, out[3][t], "a rest never starts a note, step " + t);
        }
    }

    @Test
    void anInterruptedThreadStopsAtTheNextGibbsStep() {
        DjlRuntime.engine(1);
        try (RollModel model = RollModel.create(TINY, 3)) {
            Thread.currentThread().interrupt();
            try {
                java.util.concurrent.CancellationException e = org.junit.jupiter.api.Assertions.assertThrows(
                        java.util.concurrent.CancellationException.class, () -> new RollSampler(model).fill(
                                randomRoll(1), randomMask(1), SamplingConfig.defaults().withSteps(1000)));
                assertTrue(e.getMessage().contains("after 0 of 1000 Gibbs steps"), e.getMessage());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
            } finally {
                Thread.interrupted(); // clear it for the next test
            }
        }
    }
}
