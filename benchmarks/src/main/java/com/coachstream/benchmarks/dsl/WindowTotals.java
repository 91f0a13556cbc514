package com.coachstream.benchmarks.dsl;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.Kpis;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillScore;
import com.coachstream.streams.scoring.InteractionKpi;
import com.coachstream.streams.scoring.Observation;
import com.coachstream.streams.scoring.ScorableEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's aggregate over one DSL window: what an {@code AgentSkillWindow} shows (per-skill weighted sum,
 * weight, count, min, max; distinct sources per category; KPI sums; newest event time), in plain doubles.
 * The comparison keeps only this: no duplicate detection, no corrections, no slip detection, which favours
 * the DSL.
 */
public final class WindowTotals {

  /** One skill's running figures. */
  static final class Skill {
    SkillCategory category;
    double weightedSum;
    double weight;
    int count;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
  }

  final Map<String, Skill> skills = new TreeMap<>();
  final int[] samples = new int[SkillCategory.values().length];
  int interactions;
  int csatSum;
  int csatCount;
  int resolvedKnown;
  int resolvedTrue;
  double handleSeconds;
  double sentimentSum;
  int sentimentCount;
  long latestEventTime = Long.MIN_VALUE;
  String teamId;

  public WindowTotals add(ScorableEvent event) {
    EnumSet<SkillCategory> touched = EnumSet.noneOf(SkillCategory.class);
    for (Observation o : event.observations()) {
      Skill skill = skills.computeIfAbsent(o.skill(), s -> new Skill());
      skill.category = o.category();
      skill.weightedSum += o.score() * o.weight();
      skill.weight += o.weight();
      skill.count++;
      skill.min = Math.min(skill.min, o.score());
      skill.max = Math.max(skill.max, o.score());
      touched.add(o.category());
    }
    touched.forEach(c -> samples[c.ordinal()]++);
    if (event instanceof ScorableEvent.Interaction interaction) {
      addKpi(interaction.kpi());
      if (interaction.teamId() != null) {
        teamId = interaction.teamId();
      }
    }
    if (!event.observations().isEmpty() || event instanceof ScorableEvent.Interaction) {
      latestEventTime = Math.max(latestEventTime, event.eventTime());
    }
    return this;
  }

  private void addKpi(InteractionKpi kpi) {
    interactions++;
    handleSeconds += kpi.handleSeconds();
    if (kpi.csat() != null) {
      csatSum += kpi.csat();
      csatCount++;
    }
    if (kpi.resolved() != null) {
      resolvedKnown++;
      resolvedTrue += kpi.resolved() ? 1 : 0;
    }
    if (kpi.sentiment() != null) {
      sentimentSum += kpi.sentiment();
      sentimentCount++;
    }
  }

  public AgentSkillWindow toRecord(String agentId, long windowStart, long windowEnd) {
    List<SkillScore> skillScores = new ArrayList<>();
    skills.forEach((name, s) -> skillScores.add(new SkillScore(name, s.category, s.weightedSum / s.weight, s.weight,
        s.count, s.min, s.max)));
    List<CategoryScore> categories = new ArrayList<>();
    for (SkillCategory category : SkillCategory.values()) {
      if (samples[category.ordinal()] > 0) {
        double score = skills.values().stream().filter(s -> s.category == category)
            .mapToDouble(s -> s.weightedSum / s.weight).average().orElse(Double.NaN);
        categories.add(new CategoryScore(category, score, samples[category.ordinal()]));
      }
    }
    return AgentSkillWindow.newBuilder()
        .setAgentId(agentId)
        .setTeamId(teamId)
        .setWindowStart(Instant.ofEpochMilli(windowStart))
        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
        .setSkills(skillScores)
        .setCategories(categories)
        .setKpis(new Kpis(interactions, csatCount == 0 ? null : (double) csatSum / csatCount, csatCount,
            resolvedKnown == 0 ? null : (double) resolvedTrue / resolvedKnown,
            interactions == 0 ? null : handleSeconds / interactions,
            sentimentCount == 0 ? null : sentimentSum / sentimentCount))
        .setUpdatedAt(Instant.ofEpochMilli(latestEventTime))
        .build();
  }
}
