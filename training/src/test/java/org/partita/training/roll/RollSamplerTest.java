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
