package com.coachstream.streams.scoring;

import com.coachstream.avro.Criterion;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns valid input events into observations (docs/concepts.md). Skill names are resolved through the taxonomy, so
 * scorecard criterion names and aliases become skill ids. Callers validate first: an unknown skill here is
 * a programming error.
 */
public final class ObservationExtractor {

  private final SkillTaxonomy taxonomy;

  public ObservationExtractor(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  public ScorableEvent.Interaction interaction(InteractionEvent event) {
    long time = event.getEndedAt().toEpochMilli();
    String id = event.getInteractionId();
    List<Observation> observations = new ArrayList<>();
    // sorted by name: Avro maps have no order, and outputs must not depend on hash order
    Map<String, Double> signals = new TreeMap<>(event.getSkillSignals() == null ? Map.of() : event.getSkillSignals());
    signals.forEach((name, score) -> observations.add(observation(name, score, 1.0, time, id)));
    double handleSeconds = (event.getEndedAt().toEpochMilli() - event.getStartedAt().toEpochMilli()) / 1000.0;
    InteractionKpi kpi = new InteractionKpi(event.getCsat(), event.getResolved(), handleSeconds, event.getSentiment());
    return new ScorableEvent.Interaction(id, event.getAgentId(), event.getTeamId(), time, List.copyOf(observations), kpi);
  }

  public ScorableEvent.Evaluation evaluation(QaEvaluation evaluation) {
    return correctedEvaluation(evaluation, 0);
  }

  /**
   * The evaluation with its evaluator's leniency (points, positive when generous) taken out of every criterion
   * score, kept within the scale; an automatic fail stays a 0. The fingerprint is the evaluation's as sent, so
   * a re-send is still a duplicate when the evaluator's offset has moved since.
   */
  public ScorableEvent.Evaluation correctedEvaluation(QaEvaluation evaluation, double leniency) {
    long time = evaluation.getEvaluatedAt().toEpochMilli();
    String id = evaluation.getEvaluationId();
    boolean counts = !evaluation.getRetracted() && evaluation.getPurpose() != EvaluationPurpose.CALIBRATION;
    List<Observation> observations = new ArrayList<>();
    if (counts) {
      boolean scoresCompliance = false;
      for (Criterion criterion : evaluation.getCriteria()) {
        double score = criterion.getScore() / criterion.getMaxScore() * 100.0;
        Observation o = observation(criterion.getSkill(), leniency == 0 ? score : Math.max(0, Math.min(100, score - leniency)),
            criterion.getWeight(), time, id);
        scoresCompliance |= o.skill().equals(SkillTaxonomy.COMPLIANCE);
        observations.add(o);
      }
      if (evaluation.getAutoFail() && !scoresCompliance) {
        observations.add(observation(SkillTaxonomy.COMPLIANCE, 0.0, 1.0, time, id));
      }
    }
    return new ScorableEvent.Evaluation(id, evaluation.getAgentId(), time, fingerprint(evaluation),
        evaluation.getRetracted(), List.copyOf(observations));
  }

  /** The evaluation's overall score: its criteria's weighted mean, 0..100 (what evaluators are compared on). */
  public static double overallScore(QaEvaluation evaluation) {
    double weighted = 0;
    double weights = 0;
    for (Criterion criterion : evaluation.getCriteria()) {
      weighted += criterion.getWeight() * criterion.getScore() / criterion.getMaxScore() * 100.0;
      weights += criterion.getWeight();
    }
    return weights == 0 ? 0 : weighted / weights;
  }

  private Observation observation(String name, double score, double weight, long time, String sourceId) {
    String skill = taxonomy.resolve(name)
        .orElseThrow(() -> new IllegalArgumentException("Unknown skill '" + name + "' in a validated event"));
    return new Observation(skill, taxonomy.category(skill), score, weight, time, sourceId);
  }

  /** Hash of the evaluation's canonical JSON (fixed field order): equal content, equal fingerprint. */
  static long fingerprint(QaEvaluation evaluation) {
    return Fnv64.hash(evaluation.toString());
  }
}
