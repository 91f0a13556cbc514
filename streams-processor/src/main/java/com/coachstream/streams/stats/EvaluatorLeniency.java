package com.coachstream.streams.stats;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much more generously (positive) or harshly (negative) each evaluator scores than their peers, learned
 * from interactions scored by several evaluators (calibration sessions and overlapping evaluations): each
 * evaluator's score minus the mean of the others' on the same interaction. The offset is the mean of those
 * deviations shrunk toward zero — {@code Σdev / (n + priorStrength)} — so an evaluator seen once or twice
 * is barely corrected and one seen often is corrected by what they showed. Scores are corrected by
 * subtracting the offset.
 */
public final class EvaluatorLeniency {

  /** One evaluator's deviations from their peers: how many interactions and their sum (points). */
  public record Deviations(long count, double sum) {

    public static final Deviations NONE = new Deviations(0, 0);

    public Deviations plus(Deviations other) {
      return new Deviations(count + other.count, sum + other.sum);
    }

    public Deviations minus(Deviations other) {
      return new Deviations(count - other.count, sum - other.sum);
    }

    public boolean zero() {
      return count == 0 && sum == 0;
    }

    /** The shrunk offset {@code sum / (count + priorStrength)}; 0 without evidence. */
    public double offset(double priorStrength) {
      return count <= 0 ? 0 : sum / (count + priorStrength);
    }
  }

  private final double priorStrength;
  private final Map<String, Deviations> evaluators = new HashMap<>();

  /** @param priorStrength pseudo-observations of zero offset (noise variance over the spread of true offsets) */
  public EvaluatorLeniency(double priorStrength) {
    this.priorStrength = checkedPriorStrength(priorStrength);
  }

  /** The prior strength, checked: positive and finite. */
  public static double checkedPriorStrength(double priorStrength) {
    if (!(priorStrength > 0) || Double.isInfinite(priorStrength)) {
      throw new IllegalArgumentException("prior strength must be positive: " + priorStrength);
    }
    return priorStrength;
  }

  /** A score given to the same interaction by one evaluator. */
  public record Score(String evaluatorId, double score) { }

  /**
   * Each evaluator's deviation on one interaction: their mean score there minus the mean of the other
   * evaluators' means (an evaluator who scored it twice counts once). Empty with fewer than two evaluators.
   */
  public static Map<String, Double> deviations(List<Score> scores) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Score s : scores) {
      double[] sum = sums.computeIfAbsent(s.evaluatorId(), id -> new double[2]);
      sum[0] += s.score();
      sum[1]++;
    }
    Map<String, Double> deviations = new LinkedHashMap<>();
    if (sums.size() < 2) {
      return deviations;
    }
    double total = 0;
    for (double[] sum : sums.values()) {
      total += sum[0] / sum[1];
    }
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double own = e.getValue()[0] / e.getValue()[1];
      deviations.put(e.getKey(), own - (total - own) / (sums.size() - 1));
    }
    return deviations;
  }

  /** Learns from one interaction scored by several evaluators; fewer than two teach nothing. */
  public void observe(List<Score> scores) {
    deviations(scores).forEach((evaluator, deviation) ->
        evaluators.merge(evaluator, new Deviations(1, deviation), Deviations::plus));
  }

  /** The evaluator's shrunk offset; 0 for an unknown evaluator (or a null id: an automated signal). */
  public double offset(String evaluatorId) {
    Deviations d = evaluatorId == null ? null : evaluators.get(evaluatorId);
    return d == null ? 0 : d.offset(priorStrength);
  }

  /** The score with the evaluator's leniency taken out, kept within 0..100. */
  public double corrected(String evaluatorId, double score) {
    return corrected(score, offset(evaluatorId));
  }

  /** {@code score - offset}, kept within 0..100. */
  public static double corrected(double score, double offset) {
    return Math.max(0, Math.min(100, score - offset));
  }

  public long evidence(String evaluatorId) {
    Deviations d = evaluators.get(evaluatorId);
    return d == null ? 0 : d.count();
  }
}
