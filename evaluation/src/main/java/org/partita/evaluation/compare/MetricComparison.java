package org.partita.evaluation.compare;

/**
 * One metric over a generated set and a reference set, in the manner of Yang and Lerch (2020, "On the evaluation
 * of generative models in music"). Pieces where the metric is NaN are left out. Distances are absolute
 * differences of the metric between two pieces: intra-set within one set (each pair once), inter-set between a
 * generated and a reference piece. {@code overlapArea} and {@code klDivergence} compare the density (Gaussian KDE)
 * of the reference's intra-set distances with that of the inter-set distances: an overlap of 1 and a divergence
 * of 0 mean the generated pieces lie among the reference pieces as the reference pieces lie among themselves.
 * NaN where a set has fewer than two pieces or no spread.
 *
 * @param generatedCount  generated pieces with a value
 * @param referenceCount  reference pieces with a value
 * @param generatedMean   mean value over the generated pieces
 * @param generatedSd     sample standard deviation over the generated pieces
 * @param referenceMean   mean value over the reference pieces
 * @param referenceSd     sample standard deviation over the reference pieces
 * @param intraGeneratedMean mean intra-set distance of the generated set
 * @param intraGeneratedSd   its standard deviation
 * @param intraReferenceMean mean intra-set distance of the reference set
 * @param intraReferenceSd   its standard deviation
 * @param interMean       mean inter-set distance
 * @param interSd         its standard deviation
 * @param overlapArea     overlapping area of the two distance densities, in [0, 1]
 * @param klDivergence    KL(reference intra-set || inter-set), in nats, on a common grid
 */
public record MetricComparison(int generatedCount, int referenceCount, double generatedMean, double generatedSd,
                               double referenceMean, double referenceSd, double intraGeneratedMean,
                               double intraGeneratedSd, double intraReferenceMean, double intraReferenceSd,
                               double interMean, double interSd, double overlapArea, double klDivergence) {
}
