package com.coachstream.streams.rules;

import com.coachstream.common.config.keys.RuleSettingKeys;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of the rules of a team, or of every team ({@code *}): the rule settings it sets, who wrote it,
 * when and why (docs/concepts.md, rules per team).
 */
public record RuleVersion(String teamId, long version, Map<String, String> settings, String updatedBy,
    long updatedAtMs, String comment) {

  public RuleVersion {
    settings = Map.copyOf(new TreeMap<>(settings));
  }

  public boolean isEveryTeam() {
    return RuleSettingKeys.EVERY_TEAM.equals(teamId);
  }

  /** How alerts name it: {@code team-04@3}, {@code *@2}. */
  public String label() {
    return teamId + "@" + version;
  }

  /** Where its settings come from, for messages: {@code rules of team-04} or {@code rules of every team (*)}. */
  public static String where(String teamId) {
    return RuleSettingKeys.EVERY_TEAM.equals(teamId) ? "rules of every team (*)" : "rules of " + teamId;
  }
}
