package com.coachstream.streams.slip;

import com.coachstream.avro.SkillCategory;
import java.util.EnumMap;
import java.util.Map;

/** The slip rules of each category (docs/concepts.md: each threshold configurable per category). */
public final class SlipPolicy {

  private final EnumMap<SkillCategory, SlipRules> rules;

  public SlipPolicy(Map<SkillCategory, SlipRules> rules) {
    this.rules = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      this.rules.put(category, rules.getOrDefault(category, SlipRules.DEFAULTS));
    }
  }

  public static SlipPolicy defaults() {
    return new SlipPolicy(Map.of());
  }

  public SlipRules rules(SkillCategory category) {
    return rules.get(category);
  }
}
