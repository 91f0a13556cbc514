package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregates of one period (a window or a baseline) derived from its slices: skill aggregates,
 * per-category distinct sources, the lowest-scored sources per category, and KPI sums. In-memory work over
 * the period's slices; nothing here touches the state store.
 */
public final class WindowView {

  private final Map<String, SkillAggregate> skills = new TreeMap<>();
  private final EnumMap<SkillCategory, Integer> samples = new EnumMap<>(SkillCategory.class);
  private final EnumMap<SkillCategory, List<Evidence>> evidence = new EnumMap<>(SkillCategory.class);
  private final KpiSums kpis = new KpiSums();
  private long latestEventTime = Long.MIN_VALUE;

  public static WindowView of(Iterable<Slice> slices) {
    WindowView view = new WindowView();
    for (Slice slice : slices) {
      view.add(slice);
    }
    view.evidence.values().forEach(Slice::keepWorst);
    return view;
  }

  private void add(Slice slice) {
    slice.interactionSkills.forEach((skill, aggregate) -> skills.computeIfAbsent(skill,
        s -> new SkillAggregate(aggregate.category())).merge(aggregate));
    slice.interactionSources.forEach((category, n) -> samples.merge(category, n, Integer::sum));
    slice.interactionEvidence.forEach((category, worst) ->
        evidence.computeIfAbsent(category, c -> new ArrayList<>()).addAll(worst));
    kpis.merge(slice.kpis);
    latestEventTime = Math.max(latestEventTime, slice.latestInteractionTime);
    for (RecordedEvaluation evaluation : slice.evaluations.values()) {
      if (!evaluation.observations().isEmpty()) {
        latestEventTime = Math.max(latestEventTime, evaluation.eventTime());
      }
      for (Observation o : evaluation.observations()) {
        skills.computeIfAbsent(o.skill(), s -> new SkillAggregate(o.category())).add(o.score(), o.weight());
      }
      Slice.lowestPerCategory(evaluation.observations()).forEach((category, lowest) -> {
        samples.merge(category, 1, Integer::sum);
        evidence.computeIfAbsent(category, c -> new ArrayList<>()).add(lowest);
      });
    }
  }

  /** Skill id to aggregate, sorted by skill id. */
  public Map<String, SkillAggregate> skills() {
    return Collections.unmodifiableMap(skills);
  }

  /** Mean of the scores of the category's skills observed in the period; NaN when none was. */
  public double categoryScore(SkillCategory category) {
    double sum = 0;
    int n = 0;
    for (SkillAggregate aggregate : skills.values()) {
      if (aggregate.category() == category) {
        sum += aggregate.score();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Distinct source events that gave the category at least one observation. */
  public int samples(SkillCategory category) {
    return samples.getOrDefault(category, 0);
  }

  /** Up to three lowest-scored source events of the category, worst first. */
  public List<Evidence> evidence(SkillCategory category) {
    return Collections.unmodifiableList(evidence.getOrDefault(category, List.of()));
  }

  /**
   * Event time of the newest source event counted in the period ({@code Long.MIN_VALUE} when none): a
   * window's {@code updatedAt}, the same in a replay or after a crash as in an uninterrupted run.
   */
  public long latestEventTime() {
    return latestEventTime;
  }

  public KpiSums kpis() {
    return kpis;
  }

  /** Whether no event at all (no skill observation, no interaction) fell in the period. */
  public boolean isEmpty() {
    return skills.isEmpty() && kpis.interactions == 0;
  }
}
