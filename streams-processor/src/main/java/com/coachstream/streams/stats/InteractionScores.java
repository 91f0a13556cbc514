package com.coachstream.streams.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations of one interaction by its evaluators (calibration or standard, never retracted ones),
 * kept so a new, corrected or retracted evaluation changes the evaluators' deviations by exactly what it
 * changed: {@link #changes} gives each evaluator's difference in {@link EvaluatorLeniency.Deviations}, which
 * summed over every interaction is the evaluator's evidence. An evaluation is identified by its id, so a
 * re-send replaces itself and changes nothing.
 *
 * @param evaluations in arrival order
 * @param newestTime the latest evaluation time seen, to forget the interaction once nobody scores it any more
 */
public record InteractionScores(List<Scored> evaluations, long newestTime) {

  public static final InteractionScores EMPTY = new InteractionScores(List.of(), Long.MIN_VALUE);

  /** One evaluation's overall score (0..100) by its evaluator. */
  public record Scored(String evaluationId, String evaluatorId, double score) { }

  public InteractionScores {
    evaluations = List.copyOf(evaluations);
  }

  /** With the evaluation added, or in place of an earlier version of it. */
  public InteractionScores with(Scored evaluation, long time) {
    List<Scored> next = new ArrayList<>(evaluations.size() + 1);
    boolean replaced = false;
    for (Scored e : evaluations) {
      if (e.evaluationId().equals(evaluation.evaluationId())) {
        next.add(evaluation);
        replaced = true;
      } else {
        next.add(e);
      }
    }
    if (!replaced) {
      next.add(evaluation);
    }
    return new InteractionScores(next, Math.max(newestTime, time));
  }

  /** Without the evaluation (a retraction); the same when it was never here. */
  public InteractionScores without(String evaluationId, long time) {
    List<Scored> next = evaluations.stream().filter(e -> !e.evaluationId().equals(evaluationId)).toList();
    return new InteractionScores(next, Math.max(newestTime, time));
  }

  public boolean unscored() {
    return evaluations.isEmpty();
  }

  /** Each evaluator's deviation from the others on this interaction; empty with fewer than two evaluators. */
  public Map<String, Double> deviations() {
    return EvaluatorLeniency.deviations(evaluations.stream()
        .map(e -> new EvaluatorLeniency.Score(e.evaluatorId(), e.score())).toList());
  }

  /**
   * What going from {@code before} to {@code after} changes in each evaluator's evidence: an evaluator who
   * gains a deviation counts one more interaction, one who loses it one fewer, and the sum moves by the
   * difference. Evaluators whose evidence is unchanged are left out.
   */
  public static Map<String, EvaluatorLeniency.Deviations> changes(InteractionScores before, InteractionScores after) {
    Map<String, Double> old = before.deviations();
    Map<String, Double> now = after.deviations();
    Map<String, EvaluatorLeniency.Deviations> changes = new LinkedHashMap<>();
    for (String evaluator : union(old, now)) {
      EvaluatorLeniency.Deviations change = deviation(now.get(evaluator)).minus(deviation(old.get(evaluator)));
      if (!change.zero()) {
        changes.put(evaluator, change);
      }
    }
    return changes;
  }

  private static List<String> union(Map<String, Double> a, Map<String, Double> b) {
    List<String> all = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
    return all;
  }

  private static EvaluatorLeniency.Deviations deviation(Double value) {
    return value == null ? EvaluatorLeniency.Deviations.NONE : new EvaluatorLeniency.Deviations(1, value);
  }
}
