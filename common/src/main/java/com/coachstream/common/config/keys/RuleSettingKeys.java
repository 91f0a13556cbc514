package com.coachstream.common.config.keys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings a team's rule set may hold: every slip rule setting of the streams processor ({@code slip.*},
 * per category too), as in docs/configuration.md. The alert mode stays one for all teams. A rule setting
 * added to {@link SettingKeys} later is a rule setting here at once, with no schema change.
 */
public final class RuleSettingKeys {

  /** Every team without rules of its own. */
  public static final String EVERY_TEAM = "*";

  private static final String PREFIX = "slip.";

  private RuleSettingKeys() { }

  /** The rule settings, in catalogue order (patterns such as {@code slip.<soft|hard>.floor} included). */
  public static List<SettingKey> all() {
    return SettingKeys.of(Service.STREAMS).stream().filter(k -> k.name().startsWith(PREFIX)).toList();
  }

  public static boolean isRuleSetting(String key) {
    return all().stream().anyMatch(k -> k.matches(key));
  }

  /**
   * One line for each key of {@code settings} that is no rule setting, naming {@code where} the rule set is
   * and the closest rule setting: {@code `slip.flor` (rules of team-04) is not a rule setting; did you mean
   * `slip.floor`?}.
   */
  public static List<String> problems(Map<String, String> settings, String where) {
    List<String> problems = new ArrayList<>();
    for (String key : settings.keySet().stream().sorted().toList()) {
      if (isRuleSetting(key)) {
        continue;
      }
      Set<String> known = new LinkedHashSet<>();
      all().forEach(k -> known.add(k.closestInstance(key)));
      String why = SettingKeys.find(Service.STREAMS, key).isPresent()
          ? "; it applies to every team alike and is set in the streams processor's configuration"
          : ClosestName.among(key, known).map(k -> "; did you mean `" + k + "`?")
              .orElse("; rule settings are the slip.* settings of docs/configuration.md");
      problems.add("`" + key + "` (" + where + ") is not a rule setting" + why);
    }
    return problems;
  }
}
