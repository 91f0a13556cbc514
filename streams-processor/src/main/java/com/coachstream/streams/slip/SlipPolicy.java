package com.coachstream.streams.slip;

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

  /** Threshold mode. */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules) {
    this(rules, null);
  }

  /** Statistical mode with {@code statistical}'s settings, or threshold mode when it is null. */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules, StatisticalRules statistical) {
    this.rules = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      this.rules.put(category, rules.getOrDefault(category, SlipRules.DEFAULTS));
    }
    this.statistical = statistical;
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

  /** A decision and, in statistical mode, how sure it is. */
  public record Judgement(SlipDecision decision, StatisticalDecision certainty) { }

  /**
   * Decides one category: threshold mode on the window's score ({@link SlipDetector}, certainty null),
   * statistical mode on its samples ({@link StatisticalSlipDetector}).
   */
  public Judgement judge(SkillCategory category, CategoryState state, CategoryMeasure measure,
      StatisticalMeasure samples, long now) {
    if (statistical == null) {
      return new Judgement(SlipDetector.evaluate(state, measure, now, rules(category)), null);
    }
    StatisticalDecision decision = StatisticalSlipDetector.evaluate(state, samples, now, rules(category), statistical);
    return new Judgement(decision.decision(), decision);
  }
}
