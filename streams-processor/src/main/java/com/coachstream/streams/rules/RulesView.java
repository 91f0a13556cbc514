package com.coachstream.streams.rules;

import com.coachstream.common.config.keys.RuleSettingKeys;
import com.coachstream.common.config.keys.SettingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules of a team as a person reads them: each rule setting's value in force and where it comes from
 * (the team's rule set, every team's, or the configuration).
 */
public final class RulesView {

  /** One setting in force: its key, value and source ({@code blue@3}, {@code *@2} or {@code configuration}). */
  public record Line(String key, String value, String source) { }

  private RulesView() { }

  /**
   * Every general rule setting, plus the per-category ones any layer sets, in catalogue order.
   *
   * @param configuration the service's settings with their defaults
   */
  public static List<Line> lines(RuleVersion team, RuleVersion everyTeam, Map<String, String> configuration,
      Map<String, String> defaults) {
    TreeSet<String> perCategory = new TreeSet<>();
    for (Map<String, String> layer : List.of(team == null ? Map.<String, String>of() : team.settings(),
        everyTeam == null ? Map.<String, String>of() : everyTeam.settings(), configuration)) {
      layer.keySet().stream().filter(RuleSettingKeys::isRuleSetting).filter(k -> k.chars().filter(c -> c == '.').count() == 2)
          .forEach(perCategory::add);
    }
    List<Line> lines = new ArrayList<>();
    for (SettingKey key : RuleSettingKeys.all()) {
      if (!key.isPattern()) {
        lines.add(line(key.name(), team, everyTeam, configuration, defaults));
      }
    }
    perCategory.forEach(k -> lines.add(line(k, team, everyTeam, configuration, defaults)));
    return lines;
  }

  private static Line line(String key, RuleVersion team, RuleVersion everyTeam, Map<String, String> configuration,
      Map<String, String> defaults) {
    if (team != null && team.settings().containsKey(key)) {
      return new Line(key, team.settings().get(key), team.label());
    }
    if (everyTeam != null && everyTeam.settings().containsKey(key)) {
      return new Line(key, everyTeam.settings().get(key), everyTeam.label());
    }
    String value = configuration.get(key);
    return new Line(key, value == null || value.isBlank() ? defaults.getOrDefault(key, "") : value, "configuration");
  }
}
