package com.coachstream.streams.team;

import com.coachstream.avro.SkillCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the agent's task tells the agent's team: the agent's category scores in one window, only for categories
 * with enough samples to be judged ({@code slip.min-samples}); a category absent takes the agent out of that
 * category's distribution in the window. {@code left} instead says the agent no longer belongs to the team:
 * it leaves every window the team still keeps.
 */
public record MemberScores(String agentId, String teamId, long windowStart, Map<SkillCategory, Double> scores,
    boolean left) {

  public MemberScores {
    scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
  }

  public static MemberScores of(String agentId, String teamId, long windowStart, Map<SkillCategory, Double> scores) {
    return new MemberScores(agentId, teamId, windowStart, scores, false);
  }

  public static MemberScores left(String agentId, String teamId) {
    return new MemberScores(agentId, teamId, Long.MIN_VALUE, Map.of(), true);
  }
}
