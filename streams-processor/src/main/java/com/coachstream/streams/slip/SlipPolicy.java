package com.coachstream.streams.slip;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.SkillCategory;
import java.util.EnumMap;
import java.util.Map;

/**
 * The slip rules of each category (docs/concepts.md: each threshold configurable per category) and the
 * alert mode: threshold (the exact fixed rules, the default) or statistical (by probability).
 */
public final class SlipPolicy {

  private final EnumMap<SkillCategory, SlipRules> rules;
  private final StatisticalRules statistical;
  private final SustainedRule sustain;

  /** Threshold mode. */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules) {
    this(rules, null, SustainedRule.ONCE);
  }

  /**
   * Statistical mode with {@code statistical}'s settings, or threshold mode when it is null; a SLIP only
   * when {@code sustain} holds.
   */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules, StatisticalRules statistical, SustainedRule sustain) {
    this.rules = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      this.rules.put(category, rules.getOrDefault(category, SlipRules.DEFAULTS));
    }
    this.statistical = statistical;
    this.sustain = sustain;
  }

  public SustainedRule sustain() {
    return sustain;
  }

  public static SlipPolicy defaults() {
    return new SlipPolicy(Map.of());
  }

  public SlipRules rules(SkillCategory category) {
    return rules.get(category);
  }

  public AlertMode mode() {
    return statistical == null ? AlertMode.THRESHOLD : AlertMode.STATISTICAL;
  }

  /** A decision, in statistical mode how sure it is, and the category's sustain track after it. */
  public record Judgement(SlipDecision decision, StatisticalDecision certainty, SustainedRule.Track track) { }

  /** Where the decision is taken: the latest window's start, the window advance, the category's sustain track. */
  public record Window(long start, long advanceMs, SustainedRule.Track track) { }

  /**
   * Decides one category: threshold mode on the window's score ({@link SlipDetector}, certainty null),
   * statistical mode on its samples ({@link StatisticalSlipDetector}); then, unless sustain is 1/1, a SLIP
   * waits (the state staying OK) until the condition held in X of the last Y windows.
   */
  public Judgement judge(SkillCategory category, CategoryState state, CategoryMeasure measure,
      StatisticalMeasure samples, long now, Window window) {
    SlipRules categoryRules = rules(category);
    SlipDecision decision;
    StatisticalDecision certainty = null;
    boolean condition;
    if (statistical == null) {
      decision = SlipDetector.evaluate(state, measure, now, categoryRules);
      condition = !sustain.isOnce() && SlipDetector.slipReason(measure, categoryRules) != null;
    } else {
      certainty = StatisticalSlipDetector.evaluate(state, samples, now, categoryRules, statistical);
      decision = certainty.decision();
      condition = certainty.condition();
    }
    if (sustain.isOnce()) {
      return new Judgement(decision, certainty, window.track());
    }
    SustainedRule.Track track = SustainedRule.record(window.track(), window.start(), window.advanceMs(), condition);
    if (decision.alert() == AlertType.SLIP && !sustain.sustained(track)) {
      decision = SlipDecision.quiet(state);
    }
    return new Judgement(decision, certainty, track);
  }
}
