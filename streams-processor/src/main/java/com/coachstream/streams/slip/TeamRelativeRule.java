package com.coachstream.streams.slip;

import com.coachstream.streams.team.TeamHistogram;

/**
 * {@code slip.team-percentile=P} with {@code slip.team-min-size}: the agent is below their team when their
 * category score in the window, rounded like the team's ({@link TeamHistogram#RESOLUTION}), is below the P-th
 * percentile of the team's members' scores in the same window. The agent is one of those members: the
 * percentile is one figure per team, category and window, the same for every member, and "the bottom P% of
 * the team" counts the agent among the team. The rule applies only when at least {@code minTeamSize} members
 * have a score there; P = 0 turns it off (the default).
 */
public record TeamRelativeRule(double percentile, int minTeamSize) {

  public static final TeamRelativeRule OFF = new TeamRelativeRule(0, 5);

  public TeamRelativeRule {
    if (!(percentile == 0 || percentile >= 1 && percentile <= 99)) {
      throw new IllegalArgumentException("slip.team-percentile must be 0 (off) or 1-99, was " + percentile);
    }
    if (minTeamSize < 2) {
      throw new IllegalArgumentException("slip.team-min-size must be at least 2, was " + minTeamSize);
    }
  }

  public boolean enabled() {
    return percentile > 0;
  }

  /** The team's P-th percentile, or null when the rule is off, the team unknown or smaller than the minimum. */
  public Double threshold(TeamHistogram team) {
    if (!enabled() || team == null || team.members() < minTeamSize) {
      return null;
    }
    return team.percentile(percentile);
  }

  /** Threshold mode: the score, rounded like the team's, is below {@code threshold}. */
  public static boolean below(double score, double threshold) {
    return TeamHistogram.rounded(score) < threshold;
  }
}
