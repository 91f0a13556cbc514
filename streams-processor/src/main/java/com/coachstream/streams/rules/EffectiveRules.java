package com.coachstream.streams.rules;

import com.coachstream.streams.slip.SlipPolicy;
import java.util.Map;

/**
 * The slip rules that decide for one team: its own rule set over the rules of every team ({@code *}) over
 * the configuration, and the name alerts carry so a reader knows which rules raised them.
 *
 * @param name {@code team-04@3} (the team's own rules), {@code team-04@3,*@2} (its own over every team's),
 *     {@code *@2} (every team's), or {@code defaults} (the configuration alone)
 * @param settings the rule settings the rule sets changed, merged (empty for the configuration alone)
 */
public record EffectiveRules(String name, SlipPolicy policy, Map<String, String> settings) {

  public static final String DEFAULTS = "defaults";

  public EffectiveRules {
    settings = Map.copyOf(settings);
  }

  /** The configuration's rules, when no rule set applies. */
  public static EffectiveRules defaults(SlipPolicy policy) {
    return new EffectiveRules(DEFAULTS, policy, Map.of());
  }
}
