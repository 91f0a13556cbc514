package com.coachstream.streams.alerts;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.FocusSkill;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillDelta;
import com.coachstream.streams.scoring.Evidence;
import com.coachstream.streams.scoring.SkillStats;
import com.coachstream.streams.scoring.WindowView;
import com.coachstream.streams.slip.CategoryMeasure;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.slip.StatisticalDecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the content of a {@link CoachingAlert} (docs/concepts.md) from the window and baseline of the triggering event. */
public final class AlertFactory {

  /** The most focus skills an alert names: more would not be coaching, it would be a report. */
  static final int MAX_FOCUS = 2;

  private static final Comparator<SkillDelta> WORST_DELTA_FIRST = Comparator
      .comparing((SkillDelta d) -> d.getDelta() == null ? Double.POSITIVE_INFINITY : d.getDelta())
      .thenComparingDouble(SkillDelta::getScore)
      .thenComparing(SkillDelta::getSkill);

  private final TipLibrary tips;

  public AlertFactory(TipLibrary tips) {
    this.tips = tips;
  }

  /**
   * What triggered an alert: the accepted event, identified by id and content fingerprint, and {@code at},
   * the agent's newest event time over both sources when it was accepted (the event's own time for an event
   * in order; later for an event of a lagging source).
   */
  public record Trigger(String agentId, String teamId, String sourceId, long eventTime, long fingerprint, long at) { }

  public CoachingAlert create(Trigger trigger, SkillCategory category, AlertType type, AlertReason reason,
      CategoryMeasure measure, SlipRules rules, long windowStart, long windowEnd, WindowView window,
      WindowView baseline) {
    List<SkillDelta> skills = skillDeltas(category, window, baseline);
    return CoachingAlert.newBuilder()
        .setAlertId(alertId(trigger, category, type))
        .setType(type)
        .setAgentId(trigger.agentId())
        .setTeamId(trigger.teamId())
        .setCategory(category)
        .setReason(reason)
        .setScore(measure.score())
        .setBaseline(measure.baseline())
        .setFloor(rules.floor())
        .setSamples(measure.samples())
        .setBaselineSamples(measure.baselineSamples())
        .setWindowStart(Instant.ofEpochMilli(windowStart))
        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
        .setSourceId(trigger.sourceId())
        .setEventTime(Instant.ofEpochMilli(trigger.eventTime()))
        .setSkills(skills)
        .setEvidence(evidence(window.evidence(category)))
        .setFocus(focus(skills, reason, rules))
        // event time, not the wall clock: a replay in the same order raises the identical alert
        .setCreatedAt(Instant.ofEpochMilli(trigger.at()))
        .build();
  }

  /**
   * Adds statistical mode's probability and interval to an alert (rounded to 4 decimals and 0.1 point);
   * threshold mode ({@code certainty} null) leaves them null.
   */
  public static CoachingAlert withCertainty(CoachingAlert alert, StatisticalDecision certainty) {
    if (certainty != null && !Double.isNaN(certainty.probability())) {
      alert.setProbability(Math.round(certainty.probability() * 10_000) / 10_000.0);
      alert.setIntervalLow(Math.round(certainty.low() * 10) / 10.0);
      alert.setIntervalHigh(Math.round(certainty.high() * 10) / 10.0);
    }
    return alert;
  }

  /** As {@link #withCertainty(CoachingAlert, StatisticalDecision)}, with the team's percentile when the team rule applied. */
  public static CoachingAlert withCertainty(CoachingAlert alert, StatisticalDecision certainty, Double teamPercentile) {
    if (teamPercentile != null) {
      alert.setTeamPercentile(Math.round(teamPercentile * 100) / 100.0);
    }
    return withCertainty(alert, certainty);
  }

  /**
   * Name-based UUID (v3) of agent, category, type, triggering source id and its content fingerprint: a
   * replay yields the same id, and a corrected evaluation that triggers again yields a new one.
   */
  static String alertId(Trigger trigger, SkillCategory category, AlertType type) {
    String name = trigger.agentId() + "|" + category + "|" + type + "|" + trigger.sourceId() + "|"
        + Long.toHexString(trigger.fingerprint());
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Each skill of the category observed in the window against its baseline, worst delta first (no baseline last). */
  static List<SkillDelta> skillDeltas(SkillCategory category, WindowView window, WindowView baseline) {
    List<SkillDelta> deltas = new ArrayList<>();
    for (Map.Entry<String, SkillStats> e : window.skills().entrySet()) {
      if (e.getValue().category() != category) {
        continue;
      }
      double score = e.getValue().score();
      SkillStats before = baseline.skills().get(e.getKey());
      Double base = before == null ? null : before.score();
      deltas.add(new SkillDelta(e.getKey(), score, base, base == null ? null : score - base));
    }
    deltas.sort(WORST_DELTA_FIRST);
    return deltas;
  }

  static List<com.coachstream.avro.Evidence> evidence(List<Evidence> worst) {
    return worst.stream().map(e -> new com.coachstream.avro.Evidence(e.sourceId(), e.skill(), e.score(),
        Instant.ofEpochMilli(e.time()))).toList();
  }

  /**
   * The skills to coach: for a drop from baseline the ones that dropped most, otherwise the lowest-scored.
   * The first always; the second only when it needs coaching too (below the floor or dropped by max-drop).
   */
  List<FocusSkill> focus(List<SkillDelta> skills, AlertReason reason, SlipRules rules) {
    List<SkillDelta> ranked = new ArrayList<>(skills);
    if (reason != AlertReason.DROP_FROM_BASELINE) {
      ranked.sort(Comparator.comparingDouble(SkillDelta::getScore).thenComparing(SkillDelta::getSkill));
    }
    List<FocusSkill> focus = new ArrayList<>();
    for (SkillDelta skill : ranked) {
      boolean needsCoaching = skill.getScore() < rules.floor()
          || (skill.getDelta() != null && skill.getDelta() <= -rules.maxDrop());
      if (focus.isEmpty() || (focus.size() < MAX_FOCUS && needsCoaching)) {
        focus.add(new FocusSkill(skill.getSkill(), tips.tip(skill.getSkill())));
      }
    }
    return focus;
  }
}
