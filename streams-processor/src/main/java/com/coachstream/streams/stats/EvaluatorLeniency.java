package com.coachstream.streams.stats;

import java.util.HashMap;
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

  /** One evaluator's deviations from their peers: how many and their sum. */
  record Deviations(long count, double sum) { }

  private final double priorStrength;
  private final Map<String, Deviations> evaluators = new HashMap<>();

  /** @param priorStrength pseudo-observations of zero offset (noise variance over the spread of true offsets) */
  public EvaluatorLeniency(double priorStrength) {
    if (!(priorStrength > 0)) {
      throw new IllegalArgumentException("prior strength must be positive: " + priorStrength);
    }
    this.priorStrength = priorStrength;
  }

  /** A score given to the same interaction by one evaluator. */
  public record Score(String evaluatorId, double score) { }

  /** Learns from one interaction scored by several evaluators; fewer than two teach nothing. */
  public void observe(List<Score> scores) {
    if (scores.size() < 2) {
      return;
    }
    double total = scores.stream().mapToDouble(Score::score).sum();
    for (Score s : scores) {
      double othersMean = (total - s.score()) / (scores.size() - 1);
      evaluators.merge(s.evaluatorId(), new Deviations(1, s.score() - othersMean),
          (a, b) -> new Deviations(a.count() + b.count(), a.sum() + b.sum()));
    }
  }

  /** The evaluator's shrunk offset; 0 for an unknown evaluator (or a null id: an automated signal). */
  public double offset(String evaluatorId) {
    Deviations d = evaluatorId == null ? null : evaluators.get(evaluatorId);
    return d == null ? 0 : d.sum() / (d.count() + priorStrength);
  }

  /** The score with the evaluator's leniency taken out, kept within 0..100. */
  public double corrected(String evaluatorId, double score) {
    return Math.max(0, Math.min(100, score - offset(evaluatorId)));
  }

  public long evidence(String evaluatorId) {
    Deviations d = evaluators.get(evaluatorId);
    return d == null ? 0 : d.count();
  }
}
