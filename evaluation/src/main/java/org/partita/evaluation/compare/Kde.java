package org.partita.evaluation.compare;

/**
 * A one-dimensional Gaussian kernel density estimate with Scott's bandwidth ({@code sd * n^(-1/5)}, sample standard
 * deviation), the estimator of {@code scipy.stats.gaussian_kde} that Yang and Lerch's mgeval uses. Hand-written:
 * neither Commons Math nor Commons Statistics has a kernel density estimator, and this is twenty lines.
 * Immutable and thread-safe.
 */
public final class Kde {

    private static final double NORM = 1.0 / Math.sqrt(2 * Math.PI);

    private final double[] samples;
    private final double bandwidth;

    private Kde(double[] samples, double bandwidth) {
        this.samples = samples;
        this.bandwidth = bandwidth;
    }

    /**
     * The estimate over {@code samples}.
     *
     * @throws IllegalArgumentException with fewer than two samples or when all are equal (no spread to estimate)
     */
    public static Kde of(double[] samples) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("a density needs at least 2 samples, got " + samples.length);
        }
        double sd = Stats.sd(samples);
        if (!(sd > 0)) {
            throw new IllegalArgumentException("a density needs samples that differ, got " + samples.length
                    + " samples all equal to " + samples[0]);
        }
        return new Kde(samples.clone(), sd * Math.pow(samples.length, -0.2));
    }

    /** Scott's bandwidth. */
    public double bandwidth() {
        return bandwidth;
    }

    /** The density at {@code x}. */
    public double density(double x) {
        double sum = 0;
        for (double s : samples) {
            double z = (x - s) / bandwidth;
            sum += Math.exp(-0.5 * z * z);
        }
        return sum * NORM / (bandwidth * samples.length);
    }
}
