package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;

/** Running aggregate of one skill's observations: weighted sum, weight, count, min, max. */
public final class SkillAggregate {

  private final SkillCategory category;
  private double weightedSum;
  private double weight;
  private int count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public SkillAggregate(SkillCategory category) {
    this.category = category;
  }

  public SkillAggregate(SkillCategory category, double weightedSum, double weight, int count, double min, double max) {
    this.category = category;
    this.weightedSum = weightedSum;
    this.weight = weight;
    this.count = count;
    this.min = min;
    this.max = max;
  }

  public void add(double score, double observationWeight) {
    weightedSum += score * observationWeight;
    weight += observationWeight;
    count++;
    min = Math.min(min, score);
    max = Math.max(max, score);
  }

  public void merge(SkillAggregate other) {
    weightedSum += other.weightedSum;
    weight += other.weight;
    count += other.count;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public SkillCategory category() {
    return category;
  }

  /** Weighted mean of the observations. */
  public double score() {
    return weightedSum / weight;
  }

  public double weightedSum() {
    return weightedSum;
  }

  public double weight() {
    return weight;
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
