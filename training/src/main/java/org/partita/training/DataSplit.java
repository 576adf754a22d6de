package org.partita.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Train/validation split by file (piece), seeded and recorded in every checkpoint.
 *
 * @param seed seed of the shuffle
 * @param validationFraction share of files held out
 * @param trainFiles file indices used for training, ascending
 * @param validationFiles file indices held out, ascending
 */
public record DataSplit(long seed, double validationFraction, List<Integer> trainFiles, List<Integer> validationFiles) {
    public DataSplit {
        trainFiles = List.copyOf(trainFiles);
        validationFiles = List.copyOf(validationFiles);
        if (trainFiles.isEmpty()) {
            throw new IllegalArgumentException("no training files (validationFraction " + validationFraction
                    + ", " + validationFiles.size() + " validation files)");
        }
    }

    /** Shuffles {@code 0..fileCount-1} with {@code seed} and holds out {@code round(fraction · n)} files (≥ 1 if fraction > 0 and n ≥ 2). */
    public static DataSplit of(int fileCount, double validationFraction, long seed) {
        if (validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
        }
        int[] order = new int[fileCount];
        for (int i = 0; i < fileCount; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = fileCount - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = (int) Math.round(validationFraction * fileCount);
        if (validationFraction > 0 && held == 0 && fileCount >= 2) {
            held = 1;
        }
        boolean[] isValidation = new boolean[fileCount];
        for (int i = 0; i < held; i++) {
            isValidation[order[i]] = true;
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < fileCount; i++) {
            (isValidation[i] ? validation : train).add(i);
        }
        return new DataSplit(seed, validationFraction, train, validation);
    }
}
