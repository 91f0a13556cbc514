package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The partial aggregates of one agent over one {@code window.advance} step. Interactions are never
 * withdrawn, so they are kept as aggregates that only grow (per skill, distinct sources and the three
 * lowest-scored sources per category, KPI sums, id hashes for duplicate detection). Evaluations can be
 * corrected or retracted, so they are kept raw: withdrawing one is removing it.
 */
public final class Slice {

  final Map<String, SkillAggregate> interactionSkills = new TreeMap<>();
  final EnumMap<SkillCategory, Integer> interactionSources = new EnumMap<>(SkillCategory.class);
  final EnumMap<SkillCategory, List<Evidence>> interactionEvidence = new EnumMap<>(SkillCategory.class);
  final KpiSums kpis = new KpiSums();
  final Set<Long> interactionIdHashes = new HashSet<>();
  final Map<String, RecordedEvaluation> evaluations = new LinkedHashMap<>();
  /** Event time of the slice's newest interaction: windows say when they last changed in event time, not wall time. */
  long latestInteractionTime = Long.MIN_VALUE;

  public void addInteraction(ScorableEvent.Interaction interaction) {
    interactionIdHashes.add(Fnv64.hash(interaction.sourceId()));
    latestInteractionTime = Math.max(latestInteractionTime, interaction.eventTime());
    kpis.add(interaction.kpi());
    for (Observation o : interaction.observations()) {
      interactionSkills.computeIfAbsent(o.skill(), s -> new SkillAggregate(o.category())).add(o.score(), o.weight());
    }
    lowestPerCategory(interaction.observations()).forEach((category, evidence) -> {
      interactionSources.merge(category, 1, Integer::sum);
      List<Evidence> worst = interactionEvidence.computeIfAbsent(category, c -> new ArrayList<>());
      worst.add(evidence);
      keepWorst(worst);
    });
  }

  public boolean hasInteraction(String interactionId) {
    return interactionIdHashes.contains(Fnv64.hash(interactionId));
  }

  public void putEvaluation(RecordedEvaluation evaluation) {
    evaluations.put(evaluation.evaluationId(), evaluation);
  }

  public RecordedEvaluation evaluation(String evaluationId) {
    return evaluations.get(evaluationId);
  }

  public void removeEvaluation(String evaluationId) {
    evaluations.remove(evaluationId);
  }

  public boolean isEmpty() {
    return interactionIdHashes.isEmpty() && evaluations.isEmpty();
  }

  /** Each category the observations touch, with the source's lowest-scored observation in it. */
  static Map<SkillCategory, Evidence> lowestPerCategory(List<Observation> observations) {
    EnumMap<SkillCategory, Evidence> lowest = new EnumMap<>(SkillCategory.class);
    for (Observation o : observations) {
      Evidence candidate = new Evidence(o.sourceId(), o.skill(), o.score(), o.eventTime());
      lowest.merge(o.category(), candidate, (a, b) -> Evidence.WORST_FIRST.compare(a, b) <= 0 ? a : b);
    }
    return lowest;
  }

  static void keepWorst(List<Evidence> evidence) {
    evidence.sort(Evidence.WORST_FIRST);
    while (evidence.size() > Evidence.MAX_EVIDENCE) {
      evidence.remove(evidence.size() - 1);
    }
  }
}
