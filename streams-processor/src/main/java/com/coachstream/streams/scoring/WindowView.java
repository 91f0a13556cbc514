package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One period (a window or a baseline) as scoring, alerts and published records see it: per-skill stats,
 * per-category scores and distinct sources, the lowest-scored sources per category, KPIs and the newest
 * event time. Built from the incrementally kept sums of the current window, or from the period's slices;
 * both give the same bits (exact sums). Evidence is only known when built from slices.
 */
public final class WindowView {

  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  // Per skill, sorted by skill id: a snapshot of the sums, kept in arrays. The scorer builds two views on every
  // event and mostly reads only category scores and samples, so the map of SkillStats is made on first use.
  private final String[] skillIds;
  private final SkillCategory[] skillCategories;
  private final double[] skillScores;
  private final double[] skillWeights;
  private final long[] skillCounts;
  private final double[] skillMins;
  private final double[] skillMaxs;
  private Map<String, SkillStats> skills;
  private final double[] categoryScores = new double[CATEGORIES.length];
  private final int[] samples = new int[CATEGORIES.length];
  private final KpiSums kpis = new KpiSums();
  private final EnumMap<SkillCategory, List<Evidence>> evidence;
  private final long latestEventTime;

  /**
   * A snapshot: later changes to {@code sums} or {@code extremes} do not show here. Each skill's mean is worked
   * out once (exact sums to double) and serves both its stats and its category's score: the mean of the means of
   * the category's observed skills, added in skill order so that every view of the same sums has the same bits.
   */
  private WindowView(PeriodSums sums, Extremes extremes, EnumMap<SkillCategory, List<Evidence>> evidence,
      long latestEventTime) {
    this.evidence = evidence;
    this.latestEventTime = latestEventTime;
    int n = sums.skills.size();
    skillIds = new String[n];
    skillCategories = new SkillCategory[n];
    skillScores = new double[n];
    skillWeights = new double[n];
    skillCounts = new long[n];
    skillMins = new double[n];
    skillMaxs = new double[n];
    double[] categorySums = new double[CATEGORIES.length];
    int[] observedSkills = new int[CATEGORIES.length];
    int i = 0;
    for (Map.Entry<String, PeriodSums.Sums> e : sums.skills.entrySet()) {
      PeriodSums.Sums s = e.getValue();
      double weight = s.weight.doubleValue();
      double score = s.weightedSum.doubleValue() / weight;
      skillIds[i] = e.getKey();
      skillCategories[i] = s.category;
      skillScores[i] = score;
      skillWeights[i] = weight;
      skillCounts[i] = s.count;
      skillMins[i] = extremes == null ? Double.NaN : extremes.min(e.getKey());
      skillMaxs[i] = extremes == null ? Double.NaN : extremes.max(e.getKey());
      if (s.count > 0) {
        categorySums[s.category.ordinal()] += score;
        observedSkills[s.category.ordinal()]++;
      }
      i++;
    }
    for (SkillCategory category : CATEGORIES) {
      int c = category.ordinal();
      categoryScores[c] = observedSkills[c] == 0 ? Double.NaN : categorySums[c] / observedSkills[c];
      samples[c] = sums.samples(category);
    }
    kpis.merge(sums.kpis, 1);
  }

  /** A view over kept sums; min, max and evidence as given (null when not known). */
  static WindowView of(PeriodSums sums, Extremes extremes, long latestEventTime) {
    return new WindowView(sums, extremes, null, latestEventTime);
  }

  /** The period made of these slices (each given with its start, oldest first), with its evidence. */
  public static WindowView of(Map<Long, Slice> slices) {
    PeriodSums sums = new PeriodSums();
    Extremes extremes = new Extremes();
    EnumMap<SkillCategory, List<Evidence>> evidence = new EnumMap<>(SkillCategory.class);
    long latest = Long.MIN_VALUE;
    for (Map.Entry<Long, Slice> e : slices.entrySet()) {
      Slice slice = e.getValue();
      slice.contributeTo(sums, 1);
      slice.extremesInto(extremes, e.getKey());
      slice.evidenceInto(evidence);
      latest = Math.max(latest, slice.latestCountedTime());
    }
    evidence.values().forEach(Slice::keepWorst);
    return new WindowView(sums, extremes, evidence, latest);
  }

  /** Skill id to its stats in the period, sorted by skill id. */
  public Map<String, SkillStats> skills() {
    if (skills == null) {
      Map<String, SkillStats> stats = new TreeMap<>();
      for (int i = 0; i < skillIds.length; i++) {
        stats.put(skillIds[i], new SkillStats(skillCategories[i], skillScores[i], skillWeights[i], (int) skillCounts[i],
            skillMins[i], skillMaxs[i]));
      }
      skills = Collections.unmodifiableMap(stats);
    }
    return skills;
  }

  /** Mean of the scores of the category's skills observed in the period; NaN when none was. */
  public double categoryScore(SkillCategory category) {
    return categoryScores[category.ordinal()];
  }

  /** Distinct source events that gave the category at least one observation. */
  public int samples(SkillCategory category) {
    return samples[category.ordinal()];
  }

  /** Whether {@link #evidence} is known (views built from slices). */
  public boolean hasEvidence() {
    return evidence != null;
  }

  /** Up to three lowest-scored source events of the category, worst first. */
  public List<Evidence> evidence(SkillCategory category) {
    if (evidence == null) {
      throw new IllegalStateException("Evidence is only known for a period built from its slices");
    }
    return Collections.unmodifiableList(evidence.getOrDefault(category, new ArrayList<>()));
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
    return skillIds.length == 0 && kpis.isEmpty();
  }
}
