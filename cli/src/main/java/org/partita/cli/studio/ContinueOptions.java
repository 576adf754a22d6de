package org.partita.cli.studio;

/**
 * The options of {@code POST /api/pieces/{id}/continue}.
 *
 * @param bars        bars to add after the prompt, 1..32
 * @param temperature sampling temperature, (0, 5]
 * @param topP        nucleus probability, (0, 1]
 * @param seed        seed of candidate 0 (candidate i uses {@code mix(seed, i)})
 * @param candidates  how many candidates, 1..8
 */
public record ContinueOptions(int bars, double temperature, double topP, long seed, int candidates) {

    public ContinueOptions {
        check(bars >= 1 && bars <= 32, "bars must be 1..32, got " + bars);
        check(temperature > 0 && temperature <= 5, "temperature must be in (0, 5], got " + temperature);
        check(topP > 0 && topP <= 1, "topP must be in (0, 1], got " + topP);
        check(candidates >= 1 && candidates <= 8, "candidates must be 1..8, got " + candidates);
    }

    /** 4 bars, temperature 1.0, top-p 0.95, seed 7, 3 candidates. */
    public static ContinueOptions defaults() {
        return new ContinueOptions(4, 1.0, 0.95, 7, 3);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
