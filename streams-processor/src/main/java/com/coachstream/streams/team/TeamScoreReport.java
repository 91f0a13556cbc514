package com.coachstream.streams.team;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.WindowView;
import com.coachstream.streams.slip.SlipPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent's task sends to the agent's team when it publishes one of the agent's windows (only with
 * {@code slip.team-percentile} on): the window's category scores that have at least {@code min-samples}
 * samples; first, when the agent's team changed since their last scores, a departure from the old team.
 */
public final class TeamScoreReport {

  /**
   * The records to send (none without a team or with the rule off in {@code policy}, the rules in force for the
   * agent's team); notes the team in {@code state}.
   */
  public List<MemberScores> of(SlipPolicy policy, AgentState state, String agentId, String teamId, long windowStart, WindowView window) {
    if (!policy.team().enabled() || teamId == null) {
      return List.of();
    }
    List<MemberScores> records = new ArrayList<>(2);
    if (state.scoredTeam() != null && !state.scoredTeam().equals(teamId)) {
      records.add(MemberScores.left(agentId, state.scoredTeam()));
    }
    state.scoredTeam(teamId);
    Map<SkillCategory, Double> scores = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      if (window.samples(category) >= policy.rules(category).minSamples()) {
        scores.put(category, window.categoryScore(category));
      }
    }
    records.add(MemberScores.of(agentId, teamId, windowStart, scores));
    return records;
  }
}
