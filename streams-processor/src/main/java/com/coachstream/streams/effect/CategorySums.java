package com.coachstream.streams.effect;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One agent's sums of one skill category over some days: per skill the weighted sum and weight of its
 * observations, and the distinct source events that gave the category at least one observation. Sums of
 * disjoint days add up: a source event belongs to exactly one day.
 */
public record CategorySums(int samples, SortedMap<String, SkillSums> skills) {

  public static final CategorySums EMPTY = new CategorySums(0, Collections.emptySortedMap());

  /** One skill's weighted sum of scores and sum of weights. */
  public record SkillSums(double weightedSum, double weight) { }

  public CategorySums {
    skills = Collections.unmodifiableSortedMap(new TreeMap<>(skills));
  }

  public CategorySums plus(CategorySums other) {
    SortedMap<String, SkillSums> merged = new TreeMap<>(skills);
    other.skills.forEach((skill, sums) -> merged.merge(skill, sums,
        (a, b) -> new SkillSums(a.weightedSum + b.weightedSum, a.weight + b.weight)));
    return new CategorySums(samples + other.samples, merged);
  }

  /** Mean of the skill weighted means (each skill counts once); null without observations. */
  public Double score() {
    double sum = 0;
    int n = 0;
    for (SkillSums sums : skills.values()) {
      if (sums.weight > 0) {
        sum += sums.weightedSum / sums.weight;
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  public boolean isEmpty() {
    return samples == 0 && skills.isEmpty();
  }

  /** The sum of several days' sums, added in the given order (callers pass days oldest first: same bits every time). */
  public static CategorySums sum(Iterable<CategorySums> days) {
    CategorySums total = EMPTY;
    for (CategorySums day : days) {
      total = total.plus(day);
    }
    return total;
  }

  static CategorySums of(int samples, Map<String, SkillSums> skills) {
    return new CategorySums(samples, new TreeMap<>(skills));
  }
}
