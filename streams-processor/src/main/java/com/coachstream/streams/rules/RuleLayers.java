package com.coachstream.streams.rules;

import com.coachstream.avro.SkillCategory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lays the rule settings of a higher layer over a lower one, key by key: the team's over every team's over
 * the configuration. A general setting of the higher layer ({@code slip.floor}) also replaces the lower
 * layers' per-category forms of it ({@code slip.soft.floor}): a team that sets its floor means the floor of
 * every category, not only of those the configuration left alone.
 */
public final class RuleLayers {

  /** The settings that have a per-category form {@code slip.<category>.<rule>}. */
  static final Set<String> PER_CATEGORY = Set.of("floor", "max-drop", "min-samples", "min-baseline-samples",
      "hysteresis", "cooldown");

  private RuleLayers() { }

  /** {@code upper} over {@code lower}. */
  public static Map<String, String> over(Map<String, String> upper, Map<String, String> lower) {
    Map<String, String> merged = new LinkedHashMap<>(lower);
    for (String key : upper.keySet()) {
      String rule = key.startsWith("slip.") ? key.substring("slip.".length()) : null;
      if (rule != null && PER_CATEGORY.contains(rule)) {
        for (SkillCategory category : SkillCategory.values()) {
          merged.remove("slip." + category.name().toLowerCase(Locale.ROOT) + "." + rule);
        }
      }
    }
    merged.putAll(upper);
    return merged;
  }
}
