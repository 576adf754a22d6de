package org.partita.training;

import java.util.random.RandomGenerator;

/**
 * Changes one training window before it is used, e.g. a transposition done through the tokenizer so tokens stay
 * valid. Must return an array of the same length; may draw from {@code rng}, which is derived from the seed and
 * the step, so augmented runs stay reproducible and resumable.
 */
@FunctionalInterface
public interface Augmentation {
    int[] apply(int[] window, RandomGenerator rng);

    Augmentation NONE = (window, rng) -> window;
}
