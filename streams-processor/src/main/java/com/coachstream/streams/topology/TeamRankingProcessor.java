package com.coachstream.streams.topology;

import com.coachstream.streams.team.MemberScores;
import com.coachstream.streams.team.TeamRanking;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * In the team's partition (input keyed by team id): keeps each team's score distributions per category and
 * window up to date ({@link TeamRanking}) and publishes every one that changed to the team-distributions
 * topic (compacted; a tombstone when a distribution is gone), which every instance reads as a global store.
 */
final class TeamRankingProcessor implements Processor<String, MemberScores, String, byte[]> {

  private final TeamRanking ranking;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<Bytes, byte[]> distributions;
  private KeyValueStore<Bytes, Integer> members;

  TeamRankingProcessor(TeamRanking ranking) {
    this.ranking = ranking;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    distributions = context.getStateStore(CoachingTopology.TEAM_DISTRIBUTIONS_STORE);
    members = context.getStateStore(CoachingTopology.TEAM_MEMBER_SCORES_STORE);
  }

  @Override
  public void process(Record<String, MemberScores> record) {
    String teamId = record.key();
    for (TeamRanking.Change change : ranking.apply(new StoredTeamScoreBook(distributions, members, teamId), record.value())) {
      String key = DistributionKeys.published(teamId, change.category(), change.windowStart());
      byte[] value = change.histogram().isEmpty() ? null : change.histogram().encode();
      context.forward(new Record<>(key, value, record.timestamp()), CoachingTopology.TEAM_DISTRIBUTIONS_SINK);
    }
  }
}
