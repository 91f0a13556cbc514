package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.TeamDistributions;
import com.coachstream.streams.team.TeamHistogram;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The team distributions as the agent's task sees them: the global store that follows the team-distributions
 * topic. It lags the team's task by about a commit interval (the team task's transaction must commit, then
 * the global thread reads it), so an agent's own latest score may not be in it yet.
 */
final class GlobalTeamDistributions implements TeamDistributions {

  private final KeyValueStore<String, byte[]> store;

  GlobalTeamDistributions(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  @Override
  public TeamHistogram histogram(String teamId, SkillCategory category, long windowStart) {
    byte[] stored = store.get(DistributionKeys.published(teamId, category, windowStart));
    return stored == null ? null : TeamHistogram.decode(stored);
  }
}
