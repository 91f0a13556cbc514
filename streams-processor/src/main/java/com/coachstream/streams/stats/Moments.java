package com.coachstream.streams.stats;

import com.coachstream.streams.scoring.ExactSum;

/**
 * Sufficient statistics of weighted samples: count, Σw, Σw·x, Σw·x² and Σw². Samples are added and
 * withdrawn in O(1) and exactly ({@link ExactSum}), so a window slides by adding the slices entering it and
 * subtracting those leaving it, and its mean, variance and effective sample size never need a rescan.
 */
public final class Moments {

  private long count;
  private final ExactSum weight;
  private final ExactSum weighted;
  private final ExactSum weightedSquares;
  private final ExactSum squaredWeights;

  public Moments() {
    this(0, new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum());
  }

  public Moments(long count, ExactSum weight, ExactSum weighted, ExactSum weightedSquares, ExactSum squaredWeights) {
    this.count = count;
    this.weight = weight;
    this.weighted = weighted;
    this.weightedSquares = weightedSquares;
    this.squaredWeights = squaredWeights;
  }

  /** Adds ({@code sign} 1) or withdraws ({@code sign} -1) one sample {@code x} of weight {@code w} &gt; 0. */
  public Moments sample(double x, double w, int sign) {
    if (!(w > 0) || !Double.isFinite(x)) {
      throw new IllegalArgumentException("a sample needs a finite value and a positive weight: " + x + ", " + w);
    }
    apply(weight, w, sign);
    apply(weighted, w * x, sign);
    apply(weightedSquares, w * x * x, sign);
    apply(squaredWeights, w * w, sign);
    count += sign;
    return this;
  }

  /** Adds ({@code sign} 1) or withdraws ({@code sign} -1) all of {@code other}'s samples. */
  public Moments merge(Moments other, int sign) {
    applySum(weight, other.weight, sign);
    applySum(weighted, other.weighted, sign);
    applySum(weightedSquares, other.weightedSquares, sign);
    applySum(squaredWeights, other.squaredWeights, sign);
    count += sign * other.count;
    return this;
  }

  private static void apply(ExactSum sum, double value, int sign) {
    if (sign > 0) {
      sum.add(value);
    } else {
      sum.subtract(value);
    }
  }

  private static void applySum(ExactSum sum, ExactSum value, int sign) {
    if (sign > 0) {
      sum.add(value);
    } else {
      sum.subtract(value);
    }
  }

  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public double weightSum() {
    return weight.doubleValue();
  }

  /** Weighted mean; NaN without samples. */
  public double mean() {
    return count == 0 ? Double.NaN : weighted.doubleValue() / weight.doubleValue();
  }

  /** Kish's effective sample size (Σw)²/Σw²: n for equal weights, less when a few samples dominate. */
  public double effectiveSize() {
    if (count == 0) {
      return 0;
    }
    double w = weight.doubleValue();
    return w * w / squaredWeights.doubleValue();
  }

  /**
   * Unbiased weighted variance of the samples (reliability weights): Σw(x−m)² / (Σw − Σw²/Σw). NaN with
   * fewer than two samples; never negative (rounding of equal samples is clamped to zero).
   */
  public double variance() {
    if (count < 2) {
      return Double.NaN;
    }
    double w = weight.doubleValue();
    double m = weighted.doubleValue() / w;
    double squaredDeviations = weightedSquares.doubleValue() - m * weighted.doubleValue();
    double denominator = w - squaredWeights.doubleValue() / w;
    if (!(denominator > 0)) {
      return 0;
    }
    return Math.max(0, squaredDeviations / denominator);
  }

  public ExactSum weightExact() {
    return weight;
  }

  public ExactSum weightedExact() {
    return weighted;
  }

  public ExactSum weightedSquaresExact() {
    return weightedSquares;
  }

  public ExactSum squaredWeightsExact() {
    return squaredWeights;
  }
}
