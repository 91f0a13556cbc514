package com.coachstream.streams.slip;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.team.TeamHistogram;

/** Where the agent's task reads its team's score distribution of a category in a window (one lookup). */
@FunctionalInterface
public interface TeamDistributions {

  TeamDistributions NONE = (teamId, category, windowStart) -> null;

  /** The distribution, or null when none is known (yet). */
  TeamHistogram histogram(String teamId, SkillCategory category, long windowStart);
}
