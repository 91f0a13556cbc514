package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.streams.slip.AlertMode;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.slip.StatisticalRules;
import com.coachstream.streams.slip.SustainedRule;
import com.coachstream.streams.slip.TeamRelativeRule;
import com.coachstream.streams.stats.ScoreModel;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The slip settings of {@link StreamsSettings}, read apart because they are read twice: once from the
 * configuration at start-up, and again for every team's rules laid over it (rules per team).
 */
final class SlipSettings {

  private SlipSettings() { }

  /** The slip policy of {@code settings}: the configuration's, or a team's rules laid over it. */
  static SlipPolicy policy(Settings settings) {
    Map<SkillCategory, SlipRules> rules = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      String prefix = "slip." + category.name().toLowerCase(Locale.ROOT) + ".";
      double floor = number(settings, prefix, "floor");
      if (floor < 0 || floor > 100) {
        throw new ConfigException("Invalid value '" + floor + "' for " + prefix + "floor / slip.floor: expected 0-100");
      }
      rules.put(category, new SlipRules(floor, number(settings, prefix, "max-drop"),
          (int) number(settings, prefix, "min-samples"), (int) number(settings, prefix, "min-baseline-samples"),
          number(settings, prefix, "hysteresis"),
          settings.duration(prefix + "cooldown", StreamsSettings.duration(settings, "slip.cooldown"))));
    }
    SustainedRule sustain;
    try {
      sustain = SustainedRule.parse(settings.string("slip.sustain", StreamsSettings.DEFAULTS.get("slip.sustain")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    return new SlipPolicy(rules, statisticalRules(settings), sustain, teamRule(settings));
  }

  /** {@code slip.team-percentile} (0: off) and {@code slip.team-min-size}. */
  static TeamRelativeRule teamRule(Settings settings) {
    try {
      return new TeamRelativeRule(StreamsSettings.setting(settings, "slip.team-percentile"),
          settings.intValue("slip.team-min-size", Integer.parseInt(StreamsSettings.DEFAULTS.get("slip.team-min-size"))));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid team-relative rule: " + e.getMessage());
    }
  }

  /**
   * Statistical mode's settings, or null in threshold mode ({@code alert.mode}). They are read and checked in
   * both modes, so a wrong value is reported at start-up, not on the day someone switches modes.
   */
  static StatisticalRules statisticalRules(Settings settings) {
    AlertMode mode;
    try {
      mode = AlertMode.parse(settings.string("alert.mode", StreamsSettings.DEFAULTS.get("alert.mode")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for alert.mode: " + e.getMessage());
    }
    StatisticalRules rules;
    try {
      rules = new StatisticalRules(StreamsSettings.setting(settings, "slip.confidence"), new ScoreModel(StreamsSettings.setting(settings, "slip.sample-sd"),
          StreamsSettings.setting(settings, "slip.prior-samples"), StreamsSettings.setting(settings, "slip.drift-sd")), StreamsSettings.setting(settings, "slip.true-drop"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid statistical mode settings: " + e.getMessage());
    }
    return mode == AlertMode.THRESHOLD ? null : rules;
  }

  private static double number(Settings settings, String categoryPrefix, String name) {
    double general = settings.doubleValue("slip." + name, Double.parseDouble(StreamsSettings.DEFAULTS.get("slip." + name)));
    return settings.doubleValue(categoryPrefix + name, general);
  }
}
