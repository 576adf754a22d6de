package org.partita.cli.studio;

import java.util.List;
import org.partita.cli.pipeline.RollHarmony;
import org.partita.training.roll.SamplingConfig;

/**
 * The options of {@code POST /api/pieces/{id}/harmonize} and {@code /infill}: how the piano-roll model samples,
 * and for infill which bars and voices it regenerates. Candidate {@code i} is sampled with seed {@code seed + i},
 * so it is what {@code partita harmonize --seed (seed + i)} (or {@code infill}) gives for the same piece.
 *
 * @param seed        seed of candidate 0
 * @param candidates  how many candidates, 1..8
 * @param gibbsSteps  annealed Gibbs steps, 0 = 4 x the piece's 16th steps (Coconet's default, as the CLI), at most
 *                    {@value #MAX_GIBBS_STEPS}
 * @param temperature sampling temperature, (0, 5]
 * @param programs    GM programs of soprano, alto, tenor, bass, or null (harmonize: violin, violin, viola, cello;
 *                    infill: the piece's own)
 * @param firstBar    infill: first bar to regenerate (1-based); 0 for harmonize
 * @param lastBar     infill: last bar to regenerate (inclusive); 0 for harmonize
 * @param voices      infill: voices to regenerate, 1 = soprano .. 4 = bass; empty for harmonize
 */
public record RollRequest(long seed, int candidates, int gibbsSteps, double temperature, List<Integer> programs,
                          int firstBar, int lastBar, List<Integer> voices) {

    /** Most Gibbs steps a request may ask for (the default for 32 bars is 2048). */
    static final int MAX_GIBBS_STEPS = 10_000;

    public RollRequest {
        check(candidates >= 1 && candidates <= 8, "candidates must be 1..8, got " + candidates);
        check(gibbsSteps >= 0 && gibbsSteps <= MAX_GIBBS_STEPS, "gibbsSteps must be 0..10000 (0 = 4 x the piece's "
                + "16th steps), got " + gibbsSteps);
        check(temperature > 0 && temperature <= 5, "temperature must be in (0, 5], got " + temperature);
        String problem = RollHarmony.programsProblem("programs", programs);
        check(problem == null, problem);
        programs = programs == null ? null : List.copyOf(programs);
        voices = List.copyOf(voices);
        for (int v : voices) {
            check(v >= 1 && v <= RollHarmony.VOICES, "voices are 1..4 (1 = soprano .. 4 = bass), got " + v);
        }
        check(voices.stream().distinct().count() == voices.size(), "voices must not repeat, got " + voices);
        check(firstBar >= 0 && lastBar >= firstBar, "bars must be A-B with 1 <= A <= B, got " + firstBar + "-"
                + lastBar);
    }

    /** Harmonize defaults: seed 1 (as the CLI), 2 candidates, Coconet's steps, temperature 0.99, string quartet. */
    public static RollRequest harmonizeDefaults() {
        SamplingConfig d = SamplingConfig.defaults();
        return new RollRequest(d.seed(), 2, d.steps(), d.temperature(), null, 0, 0, List.of());
    }

    /** True when these are infill options (bars given). */
    boolean infill() {
        return firstBar > 0;
    }

    /** The sampler's settings for candidate {@code i}. */
    SamplingConfig sampling(int candidate) {
        return SamplingConfig.defaults().withSeed(seed + candidate).withSteps(gibbsSteps).withTemperature(temperature);
    }

    /** Voices 0-based (soprano 0), for {@link RollHarmony#infill}. */
    List<Integer> zeroBasedVoices() {
        return voices.stream().map(v -> v - 1).toList();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
