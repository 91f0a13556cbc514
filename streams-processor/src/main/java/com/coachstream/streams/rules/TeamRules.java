package com.coachstream.streams.rules;

/** The rules in force for a team now: what the scorer asks before deciding each event. */
@FunctionalInterface
public interface TeamRules {

  /** @param teamId the agent's team, or null when it is not known (then every team's rules apply) */
  EffectiveRules forTeam(String teamId);
}
