package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partial aggregates of one agent over one {@code window.advance} step, stored on its own (one record
 * per agent and slice). Interactions are never withdrawn, so they are kept as aggregates that only grow (per
 * skill, distinct sources and the three lowest-scored sources per category, KPI sums, and the hashes of
 * their ids, to forget them when the slice expires). Evaluations can be corrected or retracted, so they are
 * kept raw: withdrawing one is removing it.
 */
public final class Slice {

  final Map<String, SkillAggregate> interactionSkills = new TreeMap<>();
  final EnumMap<SkillCategory, Integer> interactionSources = new EnumMap<>(SkillCategory.class);
  final EnumMap<SkillCategory, List<Evidence>> interactionEvidence = new EnumMap<>(SkillCategory.class);
  KpiSums kpis = new KpiSums();
  /** Statistical mode's per-event samples of the interactions, per category ({@link CategoryMoments}). */
  EnumMap<SkillCategory, Moments> interactionMoments = new EnumMap<>(SkillCategory.class);
  final List<Long> interactionIdHashes = new ArrayList<>();
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
    CategoryMoments.sample(interactionMoments, interaction.observations(), 1);
    lowestPerCategory(interaction.observations()).forEach((category, evidence) -> {
      interactionSources.merge(category, 1, Integer::sum);
      List<Evidence> worst = interactionEvidence.computeIfAbsent(category, c -> new ArrayList<>());
      worst.add(evidence);
      keepWorst(worst);
    });
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

  /** Hashes of the interaction ids accepted into this slice. */
  public List<Long> interactionIdHashes() {
    return interactionIdHashes;
  }

  /** Ids of the evaluations held in this slice. */
  public Iterable<String> evaluationIds() {
    return evaluations.keySet();
  }

  /** Adds ({@code sign} 1) or removes ({@code sign} -1) everything in this slice to or from a period's sums. */
  void contributeTo(PeriodSums sums, int sign) {
    interactionSkills.forEach((skill, aggregate) -> sums.aggregate(skill, aggregate, sign));
    interactionSources.forEach((category, n) -> sums.sources(category, sign * n));
    sums.kpis.merge(kpis, sign);
    interactionMoments.forEach((category, m) -> sums.moments(category).merge(m, sign));
    for (RecordedEvaluation evaluation : evaluations.values()) {
      contributeTo(sums, evaluation.observations(), sign);
    }
  }

  /** Adds or removes one source event's observations (one sample per category it touches). */
  static void contributeTo(PeriodSums sums, List<Observation> observations, int sign) {
    for (Observation o : observations) {
      sums.observation(o, sign);
    }
    categoriesOf(observations).forEach(category -> sums.sources(category, sign));
    CategoryMoments.sample(sums.moments, observations, sign);
  }

  static EnumSet<SkillCategory> categoriesOf(List<Observation> observations) {
    EnumSet<SkillCategory> categories = EnumSet.noneOf(SkillCategory.class);
    observations.forEach(o -> categories.add(o.category()));
    return categories;
  }

  /** Notes this slice's per-skill minimum and maximum in a window's extremes. */
  void extremesInto(Extremes extremes, long sliceStart) {
    interactionSkills.forEach((skill, a) -> extremes.add(skill, sliceStart, a.min(), a.max()));
    for (RecordedEvaluation evaluation : evaluations.values()) {
      for (Observation o : evaluation.observations()) {
        extremes.add(o.skill(), sliceStart, o.score(), o.score());
      }
    }
  }

  /** Each category's lowest-scored sources in this slice (up to three), evaluations included. */
  void evidenceInto(EnumMap<SkillCategory, List<Evidence>> evidence) {
    interactionEvidence.forEach((category, worst) -> evidence.computeIfAbsent(category, c -> new ArrayList<>()).addAll(worst));
    for (RecordedEvaluation evaluation : evaluations.values()) {
      lowestPerCategory(evaluation.observations()).forEach((category, lowest) ->
          evidence.computeIfAbsent(category, c -> new ArrayList<>()).add(lowest));
    }
  }

  /** Event time of the newest source event that counts in this slice (Long.MIN_VALUE when none does). */
  long latestCountedTime() {
    long latest = latestInteractionTime;
    for (RecordedEvaluation evaluation : evaluations.values()) {
      if (!evaluation.observations().isEmpty()) {
        latest = Math.max(latest, evaluation.eventTime());
      }
    }
    return latest;
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
