package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;

/**
 * Running aggregate of one skill's observations in one slice: weighted sum and weight (exact, see
 * {@link ExactSum}), count, min, max.
 */
public final class SkillAggregate {

  private final SkillCategory category;
  private final ExactSum weightedSum;
  private final ExactSum weight;
  private int count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public SkillAggregate(SkillCategory category) {
    this(category, new ExactSum(), new ExactSum(), 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  SkillAggregate(SkillCategory category, ExactSum weightedSum, ExactSum weight, int count, double min, double max) {
    this.category = category;
    this.weightedSum = weightedSum;
    this.weight = weight;
    this.count = count;
    this.min = min;
    this.max = max;
  }

  public void add(double score, double observationWeight) {
    weightedSum.add(score * observationWeight);
    weight.add(observationWeight);
    count++;
    min = Math.min(min, score);
    max = Math.max(max, score);
  }

  public SkillCategory category() {
    return category;
  }

  /** Weighted mean of the observations. */
  public double score() {
    return weightedSum.doubleValue() / weight.doubleValue();
  }

  ExactSum weightedSum() {
    return weightedSum;
  }

  ExactSum weightSum() {
    return weight;
  }

  public double weight() {
    return weight.doubleValue();
  }

  public int count() {
    return count;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }
}
