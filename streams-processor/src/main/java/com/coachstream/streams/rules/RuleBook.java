package com.coachstream.streams.rules;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.SettingsLoader;
import com.coachstream.common.config.keys.RuleSettingKeys;
import com.coachstream.streams.slip.SlipPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns rule sets into the slip policy of a team, checked exactly as the configuration is (the same keys,
 * the same messages), and remembers the policy of each team's versions, so deciding an event costs two
 * lookups, not a parse. Thread-safe: every task of an instance shares one.
 */
public final class RuleBook {

  private final Map<String, String> configuration;
  private final Function<Settings, SlipPolicy> policyOf;
  private final EffectiveRules defaults;
  /** Per team: the rules of the versions last asked for (one entry per team, replaced when a version changes). */
  private final Map<String, Known> byTeam = new ConcurrentHashMap<>();

  /** The rules last built for a team and the rule sets they were built from. */
  private record Known(RuleVersion team, RuleVersion everyTeam, EffectiveRules rules) { }

  /**
   * @param configuration the service's settings, the lowest layer
   * @param policyOf how settings become a slip policy (the configuration's own reader), throwing a
   *     {@link ConfigException} or {@link IllegalArgumentException} naming a wrong value
   */
  public RuleBook(Settings configuration, Function<Settings, SlipPolicy> policyOf) {
    this.configuration = configuration.asMap();
    this.policyOf = policyOf;
    this.defaults = EffectiveRules.defaults(policyOf.apply(configuration));
  }

  public EffectiveRules defaults() {
    return defaults;
  }

  /**
   * What is wrong with {@code settings} as the rules of {@code teamId}, one line each; empty when they can be
   * applied. Each value is checked over the configuration alone, as it would be at start-up.
   */
  public List<String> problems(String teamId, Map<String, String> settings) {
    List<String> problems = new ArrayList<>();
    if (teamId == null || teamId.isBlank()) {
      problems.add("A rule set needs a team id, or * for every team");
    }
    String where = RuleVersion.where(teamId);
    problems.addAll(RuleSettingKeys.problems(settings, where));
    if (problems.isEmpty()) {
      try {
        policy(RuleLayers.over(settings, configuration), where);
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  /**
   * The rules of a team: {@code team} (its own rule set, or null) over {@code everyTeam} (the {@code *} rule
   * set, or null) over the configuration. Both must have passed {@link #problems}.
   */
  public EffectiveRules effective(String teamId, RuleVersion team, RuleVersion everyTeam) {
    if (team == null && everyTeam == null) {
      return defaults;
    }
    String cacheKey = teamId == null ? RuleSettingKeys.EVERY_TEAM : teamId;
    Known known = byTeam.get(cacheKey);
    // the rules store hands back the same decoded rule sets until they change: no name to build per event
    if (known != null && known.team() == team && known.everyTeam() == everyTeam) {
      return known.rules();
    }
    String name = team == null ? everyTeam.label() : everyTeam == null ? team.label() : team.label() + "," + everyTeam.label();
    if (known != null && known.rules().name().equals(name)) {
      byTeam.put(cacheKey, new Known(team, everyTeam, known.rules()));
      return known.rules();
    }
    Map<String, String> changed = RuleLayers.over(team == null ? Map.of() : team.settings(),
        everyTeam == null ? Map.of() : everyTeam.settings());
    EffectiveRules rules = new EffectiveRules(name, policy(RuleLayers.over(changed, configuration), name), changed);
    byTeam.put(cacheKey, new Known(team, everyTeam, rules));
    return rules;
  }

  private SlipPolicy policy(Map<String, String> layered, String where) {
    try {
      return policyOf.apply(new SettingsLoader().option(where, layered).build());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value in the " + where + ": " + e.getMessage());
    }
  }
}
